// The web app's engine, in a dedicated worker: the directory engine compiled to wasm, its
// database in the browser's private file system. Requests that arrive while it opens wait.
import init, { Engine } from './bussola_web.js';

const waiting = [];
self.onmessage = (event) => waiting.push(event.data);

try {
  await init();
  const engine = await Engine.start((message) => self.postMessage(message));
  self.onmessage = (event) => engine.handle(event.data);
  for (const message of waiting.splice(0)) engine.handle(message);
} catch (error) {
  // Nothing can be answered: every request, waiting or to come, gets the reason.
  const reason = error && error.message ? error : { code: 'internal', message: String(error) };
  const refuse = (message) => self.postMessage({ id: message.id, error: reason });
  self.onmessage = (event) => refuse(event.data);
  for (const message of waiting.splice(0)) refuse(message);
}
