/**
 * @examdown/compiler — Markdown guides and question banks → a validated JSON bundle.
 *
 * The bundle contract (zod schemas and types) is exported separately from
 * `@examdown/compiler/schema`, which has no Node-only imports.
 */

export { type BundleOutput, outputToBundle, outputToStrings } from './bundle/assemble.js';
export type { Bundle } from './bundle/build.js';
export { canonicalJson } from './bundle/canonical.js';
export { type WrittenBundle, writeBundle, writeBundleOutput } from './bundle/write.js';
export { type CacheStats, FileCache, type FileCacheOptions } from './cache/file-cache.js';
export { cacheDirIn, defaultCacheDir } from './cache/location.js';
export { frame as codeFrame } from './cli/frame.js';
export { formatJson, formatText, summaryLine } from './cli/report.js';
export {
  type CompileOptions,
  type CompileResult,
  compileContent,
  compileSources,
  GENERATOR,
  type Timings,
  VERSION,
} from './compile.js';
export { compileFile, type FileResult } from './compile-file.js';
export { type Diagnostic, LINT_RULES, RULES, type RuleId, type Severity } from './diagnostics.js';
export { linkFiles } from './link/index.js';
export { ASSET_URL_PREFIX, type Asset, loadAssets } from './source/assets.js';
export { classify, loadContent, type SourceFile, type SourceKind } from './source/load.js';
