/**
 * The link phase: checks that need more than one file. Input is the per-file results in
 * path order; output is the id-indexed model the bundle is built from.
 */
import type { FileResult } from '../compile-file.js';
import { type Diagnostic, diagnostic } from '../diagnostics.js';
import { checkBanks } from './bank-lint.js';
import { checkBlueprints } from './blueprint.js';
import { collectEntities } from './duplicates.js';
import type { LinkModel, Report } from './model.js';
import { checkReferences } from './references.js';

export type { LinkModel } from './model.js';

export function linkFiles(files: readonly FileResult[]): { model: LinkModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report: Report = (file, rule, message, at) => diagnostics.push(diagnostic(file, rule, message, at));
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const model = collectEntities(sorted, report);
  checkReferences(model, report);
  checkBlueprints(model, report);
  checkBanks(model, sorted, report);
  return { model, diagnostics };
}
