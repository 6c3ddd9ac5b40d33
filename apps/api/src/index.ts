/** The Worker entry: the app over the bundle in Workers KV (the CONTENT namespace). */
import { createApp } from './app.js';
import { kvBundleStore } from './kv/store.js';

export default createApp(kvBundleStore());
