/** Reading what wrangler prints: who is logged in, and where a deploy went live. */

export type Login =
  | { state: 'logged-in'; who: string }
  | { state: 'logged-out' }
  | { state: 'unknown'; reason: string };

/**
 * `wrangler whoami --json` prints `{"loggedIn":true,…}`, or `{"loggedIn":false}` and exits
 * non-zero; anything else (no network, a broken token) is reported as it is.
 */
export function parseWhoami(output: string): Login {
  const line = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith('{') && l.includes('"loggedIn"'));
  if (!line) return { state: 'unknown', reason: output.trim().split('\n').slice(-5).join('\n') };
  try {
    const who = JSON.parse(line) as { loggedIn?: boolean; email?: string; accounts?: { name?: string }[] };
    if (who.loggedIn !== true) return { state: 'logged-out' };
    return { state: 'logged-in', who: who.email ?? who.accounts?.[0]?.name ?? 'an API token' };
  } catch {
    return { state: 'unknown', reason: line };
  }
}

/** The URLs a `wrangler deploy` reports (workers.dev and custom domains), https only. */
export function deployedUrls(deployOutput: string): string[] {
  const urls = new Set<string>();
  for (const match of deployOutput.matchAll(/https:\/\/[a-z0-9.-]+\.[a-z]{2,}(?=[\s/]|$)/gi)) {
    const url = match[0].toLowerCase();
    // wrangler also prints links to the dashboard and docs: only the Worker's own hosts count.
    if (!/(?:^https:\/\/)(?:dash|developers|www)\.cloudflare\.com$/.test(url)) urls.add(url);
  }
  return [...urls];
}

/** The workers.dev URL of a deploy, if it has one. */
export const workersDevUrl = (deployOutput: string): string | undefined =>
  deployedUrls(deployOutput).find((u) => u.endsWith('.workers.dev'));
