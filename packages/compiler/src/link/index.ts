/**
 * The link phase: checks that need more than one file. Input is the per-file results in
 * path order; output is the id-indexed model the bundle is built from.
 */
import type { FileResult } from '../compile-file.js';
import type { Diagnostic } from '../diagnostics.js';
import { checkBanks } from './bank-lint.js';
import { checkBlueprints } from './blueprint.js';
import { collectEntities } from './duplicates.js';
import type { LinkModel } from './model.js';
import { checkReferences } from './references.js';

export type { LinkModel } from './model.js';

export function linkFiles(files: readonly FileResult[]): { model: LinkModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const emit = (d: Diagnostic) => diagnostics.push(d);
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const model = collectEntities(sorted, emit);
  checkReferences(model, emit);
  checkBlueprints(model, emit);
  checkBanks(model, sorted, emit);
  return { model, diagnostics };
}
