/**
 * Running the per-file phase on several cores: a pool of worker threads (sized to
 * os.availableParallelism()) pulls batches of files and returns prepared results; the blobs are
 * transferred, not copied. Small inputs stay in this thread: a worker costs a few hundred
 * milliseconds to start (it loads the whole parser stack), which only pays off for inputs that
 * take longer than that to parse.
 *
 * The pool never fails a build: a worker that cannot start or dies mid-batch has its batch
 * compiled in this thread instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileAndPrepare, type PreparedFile } from '../bundle/prepare.js';

export interface Job {
  path: string;
  text: string;
  /** The file's context (source/context.ts); part of its cache key. */
  context?: string | undefined;
  /** Cache key: when given with a cache dir, the worker writes the disk entry itself. */
  key?: string | undefined;
}

export interface WorkerRequest {
  jobs: Job[];
  cacheDir?: string | undefined;
}

export interface WorkerResponse {
  results: PreparedFile[];
}

export interface PoolResult {
  results: PreparedFile[];
  persisted: boolean[];
  /** Threads that delivered work (1 when everything ran here). */
  threads: number;
  /** Why a worker could not start or died: its batch was compiled in this thread instead. */
  workerFailures: string[];
}

/** Below this much source text (about 1 s of parsing on one core) workers do not pay off. */
export const PARALLEL_MIN_BYTES = 1_000_000;
/** Each worker should get at least this much text, or its start-up dominates. */
const MIN_BYTES_PER_THREAD = 500_000;
/** Batches are small enough to balance the load and large enough to amortise messages. */
const BATCH_BYTES = 256_000;

/** The compiled worker module; absent when running from TypeScript sources (tests). */
export function workerScript(): URL | undefined {
  const url = new URL('./worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : undefined;
}

/** How many threads the per-file phase should use for `bytes` of source text. */
export function threadsFor(bytes: number, files: number, jobs: number | undefined): number {
  const cores = availableParallelism();
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, files));
  if (bytes < PARALLEL_MIN_BYTES || files < 2) return 1;
  return Math.max(1, Math.min(cores, files, Math.floor(bytes / MIN_BYTES_PER_THREAD)));
}

/** Prepares every job, in order, on `threads` worker threads (in this thread when not possible). */
export async function prepareInWorkers(
  jobs: readonly Job[],
  threads: number,
  cacheDir: string | undefined,
): Promise<PoolResult> {
  const results = new Array<PreparedFile | undefined>(jobs.length);
  const persisted = new Array<boolean>(jobs.length).fill(false);
  const script = workerScript();
  // At least four batches per thread, so that a slow batch does not leave a thread idle.
  const total = jobs.reduce((sum, job) => sum + job.text.length, 0);
  const batches = makeBatches(jobs, Math.max(1, Math.min(BATCH_BYTES, Math.ceil(total / (threads * 4)))));
  let delivered = 0;
  const workerFailures: string[] = [];
  if (script && threads > 1 && batches.length > 1) {
    let next = 0;
    const failed: number[][] = [];
    const runWorker = (): Promise<void> =>
      new Promise((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(script, { stdout: false, stderr: false });
        } catch (error) {
          workerFailures.push(`cannot start: ${describe(error)}`);
          resolve();
          return;
        }
        let current: number[] | undefined;
        let counted = false;
        const send = () => {
          current = batches[next++];
          if (!current) {
            current = undefined;
            void worker.terminate().then(() => resolve());
            return;
          }
          const request: WorkerRequest = { jobs: current.map((i) => jobs[i] as Job), cacheDir };
          worker.postMessage(request);
        };
        worker.on('message', (response: WorkerResponse) => {
          if (!counted) {
            counted = true;
            delivered++;
          }
          current?.forEach((jobIndex, k) => {
            results[jobIndex] = response.results[k];
            persisted[jobIndex] = cacheDir !== undefined && jobs[jobIndex]?.key !== undefined;
          });
          send();
        });
        const fail = (why: string) => {
          if (current) {
            failed.push(current);
            workerFailures.push(why);
          }
          current = undefined;
          resolve();
        };
        worker.on('error', (error) => fail(describe(error)));
        worker.on('exit', (code) => fail(`exited with code ${code}`));
        send();
      });
    await Promise.all(Array.from({ length: Math.min(threads, batches.length) }, runWorker));
    for (const batch of failed) for (const i of batch) results[i] = undefined;
  }
  // Whatever no worker delivered (no workers, a crash) is compiled here.
  for (let i = 0; i < jobs.length; i++) {
    if (!results[i]) {
      results[i] = compileAndPrepare(jobs[i] as Job);
      persisted[i] = false;
    }
  }
  return { results: results as PreparedFile[], persisted, threads: Math.max(1, delivered), workerFailures };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Consecutive jobs grouped to about `size` characters of text each. */
function makeBatches(jobs: readonly Job[], size: number): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let bytes = 0;
  jobs.forEach((job, i) => {
    current.push(i);
    bytes += job.text.length;
    if (bytes >= size) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}
