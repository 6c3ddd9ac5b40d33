/**
 * Steps 1–2 of the API benchmark: size and start-up of the two designs at the bank's scale —
 * the product (the bundle in KV) and the former one (the bundle imported into the script).
 */
import { type Bank, bankAlias } from '../edge/bank.ts';
import { API_DIR, log } from '../edge/common.ts';
import {
  type BuiltWorker,
  buildWorker,
  nodeImportMs,
  productDryRun,
  startupProfile,
} from '../edge/worker.ts';

export interface Startup {
  /** `wrangler check startup`: busy time of workerd's CPU profile of the global scope; null if it gave up. */
  checkStartupMs: number | null;
  checkStartupError?: string;
  /** CPU of importing the same built script as a module in Node (V8 too). */
  nodeImportMs: number | null;
}

export interface UploadSize {
  totalKiB: number;
  gzipKiB: number;
}

export interface Designs {
  /** `wrangler deploy --dry-run` of apps/api itself. */
  product: UploadSize;
  kvBuilt: UploadSize;
  importedBuilt: UploadSize;
  startup: { kv: Startup; imported: Startup };
}

export function measureDesigns(bank: Bank): Designs {
  log('dry-run builds (product, bench worker, imported-bank variant) …');
  const product = productDryRun();
  const kvBuilt = buildWorker('kv', `${API_DIR}/src/index.ts`);
  const importedBuilt = buildWorker('imported', 'imported-entry.ts', bankAlias(bank));
  log('start-up profiles (wrangler check startup) …');
  const startup = { kv: measureStartup(kvBuilt), imported: measureStartup(importedBuilt) };
  return { product, kvBuilt, importedBuilt, startup };
}

/** Terminal colour codes in wrangler's output. */
const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

function measureStartup(built: BuiltWorker): Startup {
  const importMs = nodeImportMs(built.script);
  try {
    return { checkStartupMs: startupProfile(built).startupMs, nodeImportMs: importMs };
  } catch (err) {
    // wrangler gives up on a slow global scope: keep its reason for the table.
    const reason =
      String(err)
        .match(/ERROR[^\n]*?\]\S*\s*(.*)/)?.[1]
        ?.replace(ANSI, '') ?? 'failed';
    log(`wrangler check startup of ${built.dir} failed: ${reason}`);
    return { checkStartupMs: null, checkStartupError: reason.trim(), nodeImportMs: importMs };
  }
}
