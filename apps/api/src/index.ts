/**
 * The Worker entry: the app over the bundle in Workers KV (the CONTENT namespace). Client-only
 * pages (attempts) get the web client's shell before the app (app-shell.ts).
 */
import { createApp } from './app.js';
import { withAppShell } from './app-shell.js';
import { kvBundleStore } from './kv/store.js';

const app = createApp(kvBundleStore());

export default { fetch: withAppShell(app.fetch) };
