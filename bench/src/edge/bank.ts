/**
 * The 10,000-question bank the API benchmark runs against: the synthetic corpus (corpus.ts),
 * compiled by the `examdown` CLI, uploaded to a local KV + D1 state directory exactly as
 * `npm run dev` uploads the real content (apps/api/scripts/upload-bundle.ts). Everything is
 * cached under bench/results/cache and rebuilt when the options or the bundle schema change.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_SCHEMA_VERSION, type Exam, type Manifest } from '@examdown/compiler/schema';
import { generateCorpus } from '../corpus.ts';
import { API_DIR, CACHE_DIR, log, nodeBin, run, wrangler } from './common.ts';

export interface BankOptions {
  guides: number;
  questions: number;
  seed: number;
  /** Rebuild even when a cached bank exists. */
  fresh?: boolean;
}

export interface Bank {
  corpusDir: string;
  bundleDir: string;
  manifest: Manifest;
  exams: Exam[];
  /** Bytes of the bundle's JSON files (public + private). */
  bundleBytes: number;
}

/** The bundle's JSON files (public + private), as the Worker reads them. */
const BUNDLE_FILES = [
  'public/manifest.json',
  'public/exams.json',
  'public/guides.json',
  'public/questions.json',
  'private/keys.json',
];

export function ensureBank(options: BankOptions): Bank {
  const name = `bank-g${options.guides}-q${options.questions}-s${options.seed}`;
  const corpusDir = path.join(CACHE_DIR, name, 'content');
  const bundleDir = path.join(CACHE_DIR, name, 'bundle');
  const stampFile = path.join(CACHE_DIR, name, 'stamp.json');
  const stamp = JSON.stringify({
    guides: options.guides,
    questions: options.questions,
    seed: options.seed,
    schema: BUNDLE_SCHEMA_VERSION,
  });
  const manifestFile = path.join(bundleDir, 'public/manifest.json');

  const cached = !options.fresh && existsSync(manifestFile) && readIf(stampFile) === stamp;
  if (!cached) {
    log(`generating the corpus (${options.guides} guides, ${options.questions} questions) …`);
    rmSync(path.join(CACHE_DIR, name), { recursive: true, force: true });
    generateCorpus({
      guides: options.guides,
      questions: options.questions,
      seed: options.seed,
      out: corpusDir,
    });
    log('compiling it with `examdown build` …');
    const [node, cli] = nodeBin('examdown') as [string, string];
    run(node, [cli, 'build', corpusDir, '--out', bundleDir]);
    writeFileSync(stampFile, stamp);
  }
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  const exams = JSON.parse(readFileSync(path.join(bundleDir, 'public/exams.json'), 'utf8')) as Exam[];
  let bundleBytes = 0;
  for (const file of BUNDLE_FILES) bundleBytes += readFileSync(path.join(bundleDir, file)).length;
  return { corpusDir, bundleDir, manifest, exams, bundleBytes };
}

/** wrangler `alias`: the imported-bundle entry reads the bank instead of the real content. */
export function bankAlias(bank: Bank): Record<string, string> {
  return Object.fromEntries(
    BUNDLE_FILES.map((file) => [`@examdown/content/bundle/${file}`, `${bank.bundleDir}/${file}`]),
  );
}

/**
 * A local state directory (KV + D1, as `wrangler dev --persist-to` uses) holding the bank, with
 * the D1 migrations applied to an empty database. The KV upload is incremental, so a cached
 * state is ready in seconds; D1 is reset on every run.
 */
export function ensureState(bank: Bank): string {
  const stateDir = path.join(CACHE_DIR, `state-${bank.manifest.contentHash.slice(0, 12)}`);
  log('uploading the bank to the local KV (incremental) …');
  run(process.execPath, [
    path.join(API_DIR, 'scripts/upload-bundle.ts'),
    '--local',
    '--persist-to',
    stateDir,
    '--bundle',
    bank.bundleDir,
  ]);
  rmSync(path.join(stateDir, 'v3/d1'), { recursive: true, force: true });
  wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir]);
  return stateDir;
}

function readIf(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
