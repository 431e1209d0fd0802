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
    announce(data.event, data.payload);
    return;
  }
  const answer = pending.get(data.id);
  if (!answer) return;
  pending.delete(data.id);
  if ('error' in data) answer.reject(data.error);
  else answer.resolve(data.ok);
};

const SAFE_LINK = /^(https?|tel|mailto|geo):/i;

// Sends an event to the UI's listeners, as the worker's events reach them.
function announce(event, payload) {
  for (const handler of listeners.get(event) || []) handler({ event, payload });
}

// A new version of the app, installed by the service worker and waiting for every Bussola tab
// to close: the UI says so, and the person may start it at once.
let updateReady = false;
function offerUpdate() {
  updateReady = true;
  announce('update-ready', null);
}

// What the page answers itself: the rest goes to the worker.
const onThePage = {
  system_languages: async () => [...navigator.languages],
  // When the first results were drawn, in ms since the page began to load: what
  // `cargo xtask measure` reads for the start-up time. It stays in the page.
  first_results_drawn: async () => { window.__bussolaFirstResultsMs = performance.now(); return null; },
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
  can_share: async () => 'share' in navigator || !!(navigator.clipboard && navigator.clipboard.writeText),
  // The system's share sheet where the browser has one; else the text goes to the clipboard,
  // for the person to paste into a message. The answer says which.
  share: async ({ title, text, url }) => {
    if ('share' in navigator) {
      try {
        await navigator.share({ title, text, url });
        return 'shared';
      } catch (e) {
        if (e.name === 'AbortError') return 'cancelled';
        throw { code: 'internal', message: `sharing failed: ${e.message}` };
      }
    }
    await navigator.clipboard.writeText(`${text}\n${url}`);
    return 'copied';
  },
  // A file the app made (the sheet's image, a correction's packet, the directory file): to the
  // phone's share sheet where the browser shares that type of file (a messenger, Bluetooth;
  // `canShare` says), else a download. The answer says which.
  save_file: async ({ fileName, type, bytes }) => {
    const file = new File([bytes], fileName, { type });
    if (navigator.canShare && navigator.canShare({ files: [file] })) {
      try {
        await navigator.share({ files: [file], title: fileName });
        return 'shared';
      } catch (e) {
        if (e.name === 'AbortError') return 'cancelled';
        // Not allowed here (no user gesture left after drawing): the download still works.
      }
    }
    const url = URL.createObjectURL(file);
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return 'downloaded';
  },
  // The address of a screen of this site, for a link that opens it on another phone: the
  // site's own address and the screen's, nothing else of this page's.
  site_link: async ({ path }) => new URL(path, window.location.origin + window.location.pathname).href,
  update_ready: async () => updateReady,
  // The person asked for the new version now: it takes over, and the page opens again in it.
  // (Asked of the registration now: another tab may have started it already, or a newer one
  // may be waiting.)
  apply_update: async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const waiting = registration && registration.waiting;
    if (!waiting) {
      window.location.reload();
      return null;
    }
    waiting.addEventListener('statechange', () => { if (waiting.state === 'activated') window.location.reload(); });
    waiting.postMessage('take-over');
    return null;
  },
  // Asked only when the person taps "use my location"; the answer stays on this page.
  current_position: () => new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      (e) => reject({ code: 'internal', message: e.message }),
      { enableHighAccuracy: false, timeout: 30000, maximumAge: 60000 },
    );
  }),
};

// Speech ("listen", the read-aloud mode) with the browser's own voices, and only with a voice
// made on the device: a remote voice would send the text to its vendor. A language the device
// has no voice for is never read with another language's voice: `can_speak` says no (the UI
// then says so), and a stretch in such a language is left out.
const SPEECH_LANGUAGES = new Set(['it', 'en', 'fr', 'ar', 'uk', 'ro', 'sq', 'es', 'zh', 'bn', 'ur']);
const SPEECH_MAX_CHARS = 2000;
const SPEECH_RATE = { slow: 0.8, normal: 1.0 };
let voicesLoaded = null;
// The browser lists its voices some time after the page loads: waited for once, briefly.
function localVoices() {
  if (!('speechSynthesis' in window)) return Promise.resolve([]);
  if (!voicesLoaded) {
    voicesLoaded = new Promise((resolve) => {
      if (speechSynthesis.getVoices().length) return resolve();
      speechSynthesis.addEventListener('voiceschanged', () => resolve(), { once: true });
      setTimeout(resolve, 1500);
    });
  }
  return voicesLoaded.then(() => speechSynthesis.getVoices().filter((v) => v.localService));
}
function voiceFor(voices, lang) {
  const named = (v) => v.lang.replace('_', '-').toLowerCase();
  const speaks = voices.filter((v) => named(v).split('-')[0] === lang);
  // Chinese is the app's Simplified Chinese, read in Mandarin: not a Cantonese voice.
  const preferred = lang === 'zh' ? speaks.filter((v) => /^zh-(cn|hans)/.test(named(v))) : speaks;
  return preferred.find((v) => v.default) || preferred[0] || null;
}
// Plain text only: control characters and bidi marks out, white space made one.
function plainText(text) {
  return String(text).replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').replace(/\u02bc/g, "'")
    .replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
}
// The request being said, numbered as the desktop numbers them: "stop" and the end name it.
let speechRound = 0;
// The utterances being said are kept here: a browser may otherwise collect them mid-speech and
// never tell their end.
let speaking = [];
function endSpeech(round, ok) {
  if (round !== speechRound) return;
  speaking = [];
  announce('speech-ended', { id: round, ok });
}
Object.assign(onThePage, {
  can_speak: async ({ lang }) => SPEECH_LANGUAGES.has(lang) && voiceFor(await localVoices(), lang) !== null,
  speak: async ({ request }) => {
    // Numbered before the wait for the voices, so a stop pressed meanwhile is not lost.
    const round = ++speechRound;
    const voices = await localVoices();
    if (round !== speechRound) return round;
    const parts = (request.parts || [])
      .filter((p) => SPEECH_LANGUAGES.has(p.lang))
      .map((p) => ({ text: plainText(p.text), voice: voiceFor(voices, p.lang), lang: p.lang }))
      .filter((p) => p.text && p.voice);
    if (parts.reduce((n, p) => n + p.text.length, 0) > SPEECH_MAX_CHARS) {
      throw { code: 'bad_query', message: 'too much to say at once' };
    }
    if (!parts.length) throw { code: 'bad_query', message: 'no voice on this device for this language' };
    speechSynthesis.cancel();
    speaking = parts.map((p, i) => {
      const utterance = new SpeechSynthesisUtterance(p.text);
      utterance.voice = p.voice;
      utterance.lang = p.voice.lang;
      utterance.rate = SPEECH_RATE[request.pace] || SPEECH_RATE.slow;
      if (i === parts.length - 1) utterance.onend = () => endSpeech(round, true);
      // A voice that fails ends the request (a stop or a newer request is no failure).
      utterance.onerror = (e) => {
        if (e.error === 'interrupted' || e.error === 'canceled' || round !== speechRound) return;
        speechSynthesis.cancel();
        endSpeech(round, false);
      };
      return utterance;
    });
    for (const utterance of speaking) speechSynthesis.speak(utterance);
    return round;
  },
  stop_speaking: async ({ id }) => {
    if (id !== undefined && id !== speechRound) return null;
    speechRound++;
    speaking = [];
    if ('speechSynthesis' in window) speechSynthesis.cancel();
    return null;
  },
});

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
  navigator.serviceWorker.register('./sw.js').then((registration) => {
    // Only an update replaces a worker in charge; the first install is no news.
    const watch = (worker) => {
      if (!worker || !navigator.serviceWorker.controller) return;
      if (worker.state === 'installed') offerUpdate();
      else worker.addEventListener('statechange', () => { if (worker.state === 'installed') offerUpdate(); });
    };
    // Already waiting, being installed since before this page asked, or found later.
    watch(registration.waiting || registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
  }).catch((e) => console.error('bussola: no offline copy', e));
}

// The installable app's name and description in the page's language: the manifest follows the
// language the person chose (cargo xtask web writes one per language).
const manifest = document.querySelector('link[rel=manifest]');
new MutationObserver(() => {
  const lang = document.documentElement.lang;
  if (lang) manifest.href = `./manifest-${lang}.webmanifest`;
}).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });

init();
