/**
 * The API as it was before the bundle moved to KV: the whole bundle imported into the Worker
 * script and indexed at start-up. The API benchmark builds it with wrangler's `alias` pointing the
 * bundle imports at the 10,000-question bank, to measure what that design would deploy
 * (`wrangler deploy --dry-run` gzip size) and cost at start-up (`wrangler check startup`).
 */
import type { Manifest, PrivateBundle, PublicBundle } from '@examdown/compiler/schema';
import keys from '@examdown/content/bundle/private/keys.json' with { type: 'json' };
import exams from '@examdown/content/bundle/public/exams.json' with { type: 'json' };
import guides from '@examdown/content/bundle/public/guides.json' with { type: 'json' };
import manifest from '@examdown/content/bundle/public/manifest.json' with { type: 'json' };
import questions from '@examdown/content/bundle/public/questions.json' with { type: 'json' };
import { createApp } from '../../apps/api/src/app.js';
import { loadBundle } from '../../apps/api/src/bundle.js';
import { memoryBundleStore } from '../../apps/api/src/bundle-store.js';

const bundle = loadBundle(
  {
    manifest: manifest as unknown as Manifest,
    exams: exams as unknown as PublicBundle['exams'],
    guides: guides as unknown as PublicBundle['guides'],
    questions: questions as unknown as PublicBundle['questions'],
  },
  keys as unknown as PrivateBundle,
);

export { Learner } from '../../apps/api/src/learner/durable-object.js';

export default createApp(memoryBundleStore(bundle));
