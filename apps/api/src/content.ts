/**
 * The real compiled bundle (packages/content/bundle), bundled into the Worker script by wrangler.
 * `private/` is read only here, never served: the static assets are apps/web/dist alone.
 */
import type { Exam, Guide, Manifest, PrivateBundle, PublicQuestion } from '@examdown/compiler/schema';
import keys from '@examdown/content/bundle/private/keys.json' with { type: 'json' };
import exams from '@examdown/content/bundle/public/exams.json' with { type: 'json' };
import guides from '@examdown/content/bundle/public/guides.json' with { type: 'json' };
import manifest from '@examdown/content/bundle/public/manifest.json' with { type: 'json' };
import questions from '@examdown/content/bundle/public/questions.json' with { type: 'json' };
import { type LoadedBundle, loadBundle } from './bundle.js';

let loaded: LoadedBundle | undefined;

/** Indexes the bundle on first use and keeps it for the isolate's lifetime. */
export function contentBundle(): LoadedBundle {
  loaded ??= loadBundle(
    {
      manifest: manifest as unknown as Manifest,
      exams: exams as unknown as Exam[],
      guides: guides as unknown as Guide[],
      questions: questions as unknown as PublicQuestion[],
    },
    keys as unknown as PrivateBundle,
  );
  return loaded;
}
