// The web app's shell on the page: starts the engine's worker and gives the UI the same bridge
// the desktop window gives it (`call` for a command, `listen` for an event), answering itself
// only what needs the page (languages, links, location). Kept out of index.html so the CSP
// needs no inline script.
import init from './bussola_ui.js';

const worker = new Worker('./worker.js', { type: 'module' });
const pending = new Map();
const listeners = new Map();
let nextId = 1;

// A worker that cannot start (its wasm did not load) answers nothing: every call says so
// instead of waiting for ever.
let broken = null;
worker.onerror = (event) => {
  broken = { code: 'internal', message: `Bussola's engine did not start: ${event.message || 'unknown error'}` };
  for (const answer of pending.values()) answer.reject(broken);
  pending.clear();
};

worker.onmessage = ({ data }) => {
  if (data.event) {
    for (const handler of listeners.get(data.event) || []) handler({ event: data.event, payload: data.payload });
    return;
  }
  const answer = pending.get(data.id);
  if (!answer) return;
  pending.delete(data.id);
  if ('error' in data) answer.reject(data.error);
  else answer.resolve(data.ok);
};

const SAFE_LINK = /^(https?|tel|mailto|geo):/i;

// What the page answers itself: the rest goes to the worker.
const onThePage = {
  system_languages: async () => [...navigator.languages],
  first_results_drawn: async () => null,
  open_link: async ({ link }) => {
    if (!SAFE_LINK.test(link)) {
      throw { code: 'bad_query', message: `Bussola opens only https, http, tel, mailto and geo links: ${link}` };
    }
    // The app never navigates away: web pages open beside it, and tel:, mailto: and geo: go
    // to whatever the system has for them, from a new browsing context too.
    window.open(link, '_blank', 'noopener,noreferrer');
    return null;
  },
  can_locate: async () => 'geolocation' in navigator,
  // Asked only when the person taps "use my location"; the answer stays on this page.
  current_position: () => new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      (e) => reject({ code: 'internal', message: e.message }),
      { enableHighAccuracy: false, timeout: 30000, maximumAge: 60000 },
    );
  }),
};

window.bussola = {
  async call(command, args) {
    if (command in onThePage) return onThePage[command](args || {});
    if (broken) throw broken;
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, command, args: args || {} });
    });
  },
  async listen(event, handler) {
    if (!listeners.has(event)) listeners.set(event, []);
    listeners.get(event).push(handler);
  },
};

// Ask the browser to keep the directory even when the device runs short of space.
if (navigator.storage && navigator.storage.persist) navigator.storage.persist();

// After this first visit the app opens with no network (sw.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.error('bussola: no offline copy', e));
}

init();
