/**
 * Step 4 of the API benchmark: requests/s over loopback against `wrangler dev` — wrk for the
 * routes it can replay, a Node loop for the bare route and submit (each attempt submits once) —
 * every route next to the bare route measured the same way in the same run.
 */
import { type ApiClient, type Attempt, saveAnswerRequest } from '../edge/api-client.ts';
import { log } from '../edge/common.ts';
import { hasWrk, type LoadResult, nodeLoop, type WrkRequest, wrk } from '../edge/load.ts';
import type { ApiBenchOptions } from './options.ts';
import type { RouteName } from './routes.ts';

export type LoadResults = Partial<Record<RouteName, LoadResult>> & {
  bareLoop?: LoadResult;
  saveLoop?: LoadResult;
};

/** Fills `load` route by route, so a failure part-way keeps what was measured before it. */
export async function measureLoad(
  load: LoadResults,
  api: ApiClient,
  base: string,
  examId: string,
  loadPool: Attempt[],
  options: ApiBenchOptions,
): Promise<void> {
  if (hasWrk()) {
    const wrkOptions = { seconds: options.seconds, connections: options.connections };
    const json = { 'Content-Type': 'application/json' };
    log(`req/s: wrk, ${options.seconds} s per route, ${options.connections} connections …`);
    load.bare = wrk(base, 'bare', [{ method: 'GET', path: '/api/__bench/bare' }], wrkOptions);
    load.exam = wrk(base, 'exam', [{ method: 'GET', path: `/api/v1/exams/${examId}` }], wrkOptions);
    load.start = wrk(
      base,
      'start',
      [{ method: 'POST', path: `/api/v1/exams/${examId}/attempts`, headers: json, body: '{"mode":"exam"}' }],
      wrkOptions,
    );
    const saves: WrkRequest[] = loadPool.flatMap((a) =>
      a.questions.map((_, index) => saveAnswerRequest(a, index)),
    );
    load.save = wrk(base, 'save', saves, wrkOptions);
  } else {
    log('wrk is not installed (apt-get install -y wrk): req/s only from the Node loop');
  }
  log(`req/s: Node loop, bare route and ${loadPool.length} submits …`);
  load.bareLoop = await nodeLoop(Math.max(1000, loadPool.length * 4), options.connections, () =>
    api.bareOk(),
  );
  load.submit = await nodeLoop(loadPool.length, options.connections, (i) =>
    api.submitOk(loadPool[i] as Attempt),
  );
}
