/**
 * The real content's answer keys (packages/content/bundle/private/keys.json), for tests that play
 * a learner who knows the answers. The API never serves them outside a check or a report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PrivateBundle } from '@examdown/compiler/schema';

const require = createRequire(import.meta.url);
let keys: Map<string, string[]> | undefined;

/** The correct option ids of question `id` (throws for an unknown id). */
export function correctOptions(id: string): string[] {
  keys ??= new Map(
    (
      JSON.parse(
        readFileSync(require.resolve('@examdown/content/bundle/private/keys.json'), 'utf8'),
      ) as PrivateBundle
    ).keys.map((k) => [k.id, k.correct]),
  );
  const correct = keys.get(id);
  if (!correct) throw new Error(`no answer key for question '${id}'`);
  return correct;
}
