/**
 * The Worker entry: the app over the bundle in Workers KV (the CONTENT namespace), the Cron
 * Trigger that folds queued item results into the statistics, and the learner Durable Object.
 * Client-only pages (attempts) get the web client's shell before the app (app-shell.ts).
 */
import { createApp } from './app.js';
import { withAppShell } from './app-shell.js';
import { kvBundleStore } from './kv/store.js';
import { foldAll } from './stats/aggregates.js';

export { Learner } from './learner/durable-object.js';

const app = createApp(kvBundleStore());

export default {
  fetch: withAppShell(app.fetch),
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(foldAll(env.DB));
  },
} satisfies ExportedHandler<Env>;
