/** The Worker entry: the app over the real compiled bundle. */
import { createApp } from './app.js';
import { contentBundle } from './content.js';

export default createApp(contentBundle());
