/**
 * Client routes: an attempt and its results exist only in the learner's browser (the token is in
 * localStorage), and /account shows the learner's own data, so they are not prerendered. Their URLs reach the Worker (`run_worker_first` in
 * wrangler.jsonc) and get the web client's shell, 200, with the static files' own headers (the
 * page CSP of apps/web/public/_headers, not the API's). Any other unknown URL stays a static 404
 * (`not_found_handling: "404-page"`: the prerendered not-found page).
 */

/** /attempts/:id, /attempts/:id/results and /account (the learner's own data). */
const CLIENT_ROUTE = /^\/(?:attempts\/[^/]+(?:\/results)?|account)\/?$/;

/** The shell among the static assets (apps/web/prerender/build.ts writes app-shell.html). */
const APP_SHELL_PATH = '/app-shell';

// Generic in the context: this module is also type-checked where the Workers globals are not loaded.
type Fetch<Ctx> = (request: Request, env: Env, ctx: Ctx) => Response | Promise<Response>;

export const isClientRoute = (pathname: string): boolean => CLIENT_ROUTE.test(pathname);

/** The shell as Workers Static Assets serves it, for GET and HEAD. */
export function serveAppShell(request: Request, assets: Env['ASSETS']): Promise<Response> {
  const method = request.method === 'HEAD' ? 'HEAD' : 'GET';
  return assets.fetch(
    new Request(new URL(APP_SHELL_PATH, request.url), { method, headers: request.headers }),
  );
}

/** A Worker fetch handler that answers client routes with the shell and passes the rest on. */
export function withAppShell<Ctx>(fetch: Fetch<Ctx>): Fetch<Ctx> {
  return (request, env, ctx) =>
    isClientRoute(new URL(request.url).pathname)
      ? serveAppShell(request, env.ASSETS)
      : fetch(request, env, ctx);
}
