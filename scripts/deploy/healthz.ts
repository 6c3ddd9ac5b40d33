/**
 * The last step of a deploy: GET <site>/api/v1/healthz until it answers 200 with the content
 * hash that was just uploaded. Workers pick a new bundle up within about a minute (the
 * isolate's 30 s check plus KV's edge cache), so the check retries for a bounded time.
 */
export interface Health {
  contentHash?: string;
  [key: string]: unknown;
}

export interface HealthOptions {
  expectedHash: string;
  timeoutMs?: number;
  intervalMs?: number;
  fetch?: typeof fetch;
}

export type HealthResult =
  | { ok: true; health: Health; attempts: number }
  | { ok: false; reason: string; attempts: number };

export async function waitForHealth(origin: string, options: HealthOptions): Promise<HealthResult> {
  const url = new URL('/api/v1/healthz', origin).href;
  const get = options.fetch ?? fetch;
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let reason = 'no answer';
  let attempts = 0;
  while (true) {
    attempts++;
    try {
      const res = await get(url, {
        signal: AbortSignal.timeout(10_000),
        headers: { 'cache-control': 'no-cache' },
      });
      const body = (await res.json().catch(() => null)) as Health | null;
      if (res.status !== 200) reason = `${url} answered ${res.status}: ${JSON.stringify(body)}`;
      else if (body?.contentHash !== options.expectedHash)
        reason = `${url} serves content ${String(body?.contentHash).slice(0, 12)}, not ${options.expectedHash.slice(0, 12)} yet`;
      else return { ok: true, health: body, attempts };
    } catch (err) {
      reason = `${url}: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() + (options.intervalMs ?? 5_000) > deadline) return { ok: false, reason, attempts };
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 5_000));
  }
}
