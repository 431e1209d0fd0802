// The web app's service worker: after the first visit, Bussola opens and answers with no
// network at all. It keeps the app's own files (page, scripts, wasm with the bundled feed and
// the map inside, style, icons) in a cache named after this version, answers from it first, and
// fetches nothing else: the feed's requests go to the network as they are.
//
// A new version is installed beside the one in use and takes over only when every Bussola tab
// has closed, or when the person taps "update now": never in the middle of someone's search.
// `cargo xtask web` writes the version and the list below.
const VERSION = 'BUSSOLA_VERSION';
const FILES = BUSSOLA_FILES;
// Named after the site's address too: two Bussola sites on one origin (sub-paths) keep their
// own copies.
const PREFIX = `bussola ${self.registration.scope} `;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  // Checked with the server, never taken unasked from the browser's HTTP cache: no older file
  // beside newer ones. A file the page has just loaded comes back as a 304 (its ETag still
  // matches) instead of a second download.
  const fresh = FILES.map((file) => new Request(file, { cache: 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

// Unless the person asks for the new version at once ("update now"): then it takes over
// and the page reloads in it.
self.addEventListener('message', (event) => {
  if (event.data === 'take-over') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  // The caches of earlier versions go once this one is in charge.
  event.waitUntil(
    caches.keys().then((names) => Promise.all(
      names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)),
    )),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // config.json is the host's to change: fresh when online, the kept copy when not.
  if (url.pathname.endsWith('/config.json')) {
    event.respondWith(
      fetch(request).then((response) => {
        // Only a good answer replaces the kept copy (not a 404, nor a captive portal's page).
        if (response.ok && (response.headers.get('Content-Type') || '').includes('json')) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      }).catch(() => caches.match(request, { ignoreSearch: true })),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      // Any address of the app's own pages opens the app.
      const key = request.mode === 'navigate' ? new URL('./', self.location).href : request;
      return (await cache.match(key, { ignoreSearch: true })) || fetch(request);
    }),
  );
});
