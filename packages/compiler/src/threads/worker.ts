/**
 * A worker thread of the per-file pool: compiles and prepares batches of files, writes their
 * cache entries (when the main thread passes a cache dir) and sends the results back with the
 * blobs transferred.
 */
import module from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from './pool.js';

// Before the parser stack loads (as the CLI does): compiled code is shared across threads and runs.
module.enableCompileCache?.();

const { compileAndPrepare } = await import('../bundle/prepare.js');
const { writeEntry } = await import('../cache/entry.js');

parentPort?.on('message', (request: WorkerRequest) => {
  const results = request.jobs.map((job) => {
    const prepared = compileAndPrepare(job);
    if (request.cacheDir && job.key) writeEntry(request.cacheDir, job.key, prepared);
    return prepared;
  });
  const response: WorkerResponse = { results };
  const transfer = results
    .map((r) => r.blob.buffer)
    .filter((b, i, all) => b.byteLength > 0 && all.indexOf(b) === i);
  parentPort?.postMessage(response, transfer as ArrayBuffer[]);
});
