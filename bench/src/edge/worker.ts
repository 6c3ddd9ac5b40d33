/**
 * Building and running the Worker for the API benchmark.
 *
 * - `buildWorker` bundles an entry (bench/worker/*.ts) exactly as production does
 *   (`wrangler deploy --dry-run --outdir`, minified) and reports wrangler's upload size.
 * - `startWorker` runs a prebuilt bundle under `wrangler dev` with the product's bindings (KV
 *   CONTENT, D1 DB, the web client as static assets) on a local state directory. The bundle is
 *   prebuilt into bench/results/cache so edits elsewhere in the repo never reload it mid-run.
 * - `startupProfile` runs `wrangler check startup` (a CPU profile of the global scope).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { freePort } from '../../../tests/support/free-port.ts';
import {
  API_DIR,
  BENCH_DIR,
  CACHE_DIR,
  groupProcesses,
  log,
  parseUploadSize,
  ROOT,
  run,
  sleep,
  startGroup,
  WEB_DIR,
  wrangler,
} from './common.ts';

/** The product's wrangler.jsonc (comments stripped): the source of the dates and binding ids. */
export function productConfig(): {
  compatibility_date: string;
  compatibility_flags?: string[];
  kv_namespaces: { binding: string; id: string }[];
  d1_databases: { binding: string; database_name: string; database_id: string; migrations_dir?: string }[];
  durable_objects: { bindings: { name: string; class_name: string }[] };
  migrations: unknown[];
  ratelimits: { name: string; namespace_id: string; simple: { limit: number; period: number } }[];
  assets: Record<string, unknown>;
} {
  const text = readFileSync(path.join(API_DIR, 'wrangler.jsonc'), 'utf8')
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n')
    .replace(/,(\s*[}\]])/g, '$1');
  return JSON.parse(text);
}

/**
 * The product's learner Durable Object and rate limits, for a bench Worker (whose entry exports
 * the Learner class). The limits are raised unless `productLimits`: the CPU benchmark measures each
 * route from one client; the load test (bench/src/learners) keeps the product's.
 */
function learnerBindings(product: ReturnType<typeof productConfig>, productLimits = false) {
  return {
    durable_objects: product.durable_objects,
    migrations: product.migrations,
    ratelimits: productLimits
      ? product.ratelimits
      : product.ratelimits.map((r) => ({ ...r, simple: { ...r.simple, limit: 1_000_000_000 } })),
  };
}

export interface BuiltWorker {
  dir: string;
  script: string;
  totalKiB: number;
  gzipKiB: number;
}

/** Bundles an entry as `wrangler deploy --dry-run` does; `alias` remaps imports (wrangler's alias). */
export function buildWorker(
  name: string,
  entry: string,
  alias: Record<string, string> = {},
  options: { minify?: boolean } = {},
): BuiltWorker {
  const dir = path.join(CACHE_DIR, `worker-${name}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const product = productConfig();
  const config = {
    name: `examdown-${name}`,
    main: path.resolve(BENCH_DIR, 'worker', entry),
    compatibility_date: product.compatibility_date,
    ...(product.compatibility_flags ? { compatibility_flags: product.compatibility_flags } : {}),
    minify: options.minify ?? true,
    send_metrics: false,
    alias,
    ...learnerBindings(product),
    kv_namespaces: product.kv_namespaces,
    d1_databases: product.d1_databases.map((d) => ({
      ...d,
      migrations_dir: path.join(API_DIR, 'migrations'),
    })),
  };
  // Named wrangler.json: `wrangler check startup` only finds a config in its working directory.
  const configFile = path.join(dir, 'wrangler.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const out = wrangler(['deploy', '--dry-run', '--outdir', path.join(dir, 'dist'), '-c', configFile], {
    cwd: dir,
  });
  const script = readdirSync(path.join(dir, 'dist')).find((f) => f.endsWith('.js'));
  if (!script) throw new Error(`wrangler wrote no script into ${dir}/dist`);
  return { dir, script: path.join(dir, 'dist', script), ...parseUploadSize(out) };
}

/** apps/web/dist (the Worker's static assets), built with vite if it is missing. */
export function ensureWebDist(): string {
  const dist = path.join(WEB_DIR, 'dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    log('apps/web/dist is missing: building the web client (vite build) …');
    run(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: WEB_DIR });
  }
  return dist;
}

/** `wrangler deploy --dry-run` of the product itself (apps/api), as CI builds it. */
export function productDryRun(): { totalKiB: number; gzipKiB: number } {
  ensureWebDist();
  const out = path.join(CACHE_DIR, 'worker-product');
  rmSync(out, { recursive: true, force: true });
  return parseUploadSize(wrangler(['deploy', '--dry-run', '--outdir', out]));
}

/** Busy time of the global scope from `wrangler check startup`'s CPU profile (ms). */
export function startupProfile(built: BuiltWorker): { startupMs: number; profile: string } {
  const profile = path.join(built.dir, 'startup.cpuprofile');
  wrangler(['check', 'startup', '--outfile', profile], { cwd: built.dir });
  const p = JSON.parse(readFileSync(profile, 'utf8')) as CpuProfile;
  const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  let busy = 0;
  p.samples.forEach((s, i) => {
    if (!idle.has(s)) busy += p.timeDeltas[i] ?? 0;
  });
  return { startupMs: busy / 1000, profile };
}

export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber?: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface RunningWorker {
  url: string;
  /** The workerd process that runs the user Worker (and its local KV/D1 simulators). */
  workerdPid: number;
  /** workerd's own inspector endpoint for the user Worker's isolate. */
  inspectorUrl: string;
  /** wrangler's inspector proxy (the one DevTools uses); needs an Origin header. */
  proxyInspectorUrl: string;
  /** With `learnerProcess`: the learner host's inspector (its wrangler's proxy). */
  learner?: { inspectorUrl: string };
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs a prebuilt Worker under `wrangler dev` with the product's bindings on `stateDir`.
 * `learnerProcess`: the learner Durable Object is hosted by a second Worker of the same bundle in
 * a second `wrangler dev` (the Worker's binding names it by `script_name`; the two find each other
 * through a dev registry of their own), so the object runs — and is created, its SQLite file
 * opened — in another process, as production runs it on another machine. Otherwise it shares the
 * Worker's isolate (wrangler dev's default for a class the Worker exports).
 */
export async function startWorker(
  built: BuiltWorker,
  stateDir: string,
  vars: Record<string, string> = {},
  options: { productLimits?: boolean; learnerProcess?: boolean } = {},
): Promise<RunningWorker> {
  const product = productConfig();
  // A snapshot of the web client: wrangler dev watches its assets directory and restarts the
  // runtime when it changes, so a build elsewhere in the repo (apps/web/dist) must not reach a
  // running benchmark (a restart answers in-flight requests 503).
  const webDist = path.join(built.dir, 'assets');
  rmSync(webDist, { recursive: true, force: true });
  cpSync(ensureWebDist(), webDist, { recursive: true });
  const name = path.basename(built.dir);
  const config = {
    name,
    main: built.script,
    no_bundle: true,
    compatibility_date: product.compatibility_date,
    ...(product.compatibility_flags ? { compatibility_flags: product.compatibility_flags } : {}),
    send_metrics: false,
    observability: { enabled: true },
    assets: { ...product.assets, directory: webDist },
    ...learnerBindings(product, options.productLimits),
    kv_namespaces: product.kv_namespaces,
    d1_databases: product.d1_databases.map((d) => ({
      ...d,
      migrations_dir: path.join(API_DIR, 'migrations'),
    })),
    vars: { ALLOWED_ORIGINS: '', ...vars },
  };
  let host: Launched | undefined;
  let env: NodeJS.ProcessEnv = {};
  if (options.learnerProcess) {
    const hostName = `${name}-learners`;
    const hostFile = path.join(built.dir, 'dev-learners.wrangler.json');
    // The host keeps the class and its migrations; the Worker's binding points at the host.
    writeFileSync(hostFile, JSON.stringify({ ...config, name: hostName, assets: undefined }, null, 2));
    config.durable_objects = {
      bindings: config.durable_objects.bindings.map((b) => ({ ...b, script_name: hostName })),
    };
    config.migrations = [];
    const registry = path.join(built.dir, 'dev-registry');
    rmSync(registry, { recursive: true, force: true });
    mkdirSync(registry);
    env = { WRANGLER_REGISTRY_PATH: registry };
    // Its own state: two runtimes never share a SQLite file.
    host = await launch(hostFile, `${stateDir}-learners`, built.dir, env, hostName);
  }
  const configFile = path.join(built.dir, 'dev.wrangler.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  let worker: Launched;
  try {
    worker = await launch(configFile, stateDir, built.dir, env, name);
  } catch (err) {
    await host?.stop();
    throw err;
  }
  log(
    `wrangler dev up at ${worker.url} (workerd pid ${worker.workerdPid}, inspector ${worker.inspectorUrl})`,
  );
  if (host) log(`learner host up (workerd pid ${host.workerdPid}, inspector ${host.proxyInspectorUrl})`);
  return {
    url: worker.url,
    workerdPid: worker.workerdPid,
    inspectorUrl: worker.inspectorUrl,
    proxyInspectorUrl: worker.proxyInspectorUrl,
    ...(host ? { learner: { inspectorUrl: host.proxyInspectorUrl } } : {}),
    output: () => `${host ? `${host.output()}\n` : ''}${worker.output()}`,
    stop: async () => {
      await worker.stop();
      await host?.stop();
    },
  };
}

type Launched = Omit<RunningWorker, 'learner'>;

/** One `wrangler dev` of `configFile`, up once its Worker answers the bench's bare route. */
async function launch(
  configFile: string,
  stateDir: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  name: string,
): Promise<Launched> {
  const port = await freePort();
  const inspectorPort = await freePort();
  const wranglerJs = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
  const server = startGroup(
    process.execPath,
    [
      wranglerJs,
      'dev',
      '-c',
      configFile,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      stateDir,
      '--log-level',
      'warn',
    ],
    { cwd, env },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let exited = false;
  server.exited.then(() => {
    exited = true;
  });
  while (true) {
    if (exited) throw new Error(`wrangler dev exited:\n${server.output().slice(-3000)}`);
    try {
      const res = await fetch(`${url}/api/__bench/bare`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`wrangler dev did not answer within 120 s:\n${server.output().slice(-3000)}`);
    }
    await sleep(300);
  }
  const pgid = server.child.pid as number;
  const workerd = groupProcesses(pgid).find(
    (p) => /workerd/.test(p.cmdline) && /--inspector-addr=/.test(p.cmdline),
  );
  const inspectorUrl = workerd ? await findInspector(workerd.pid, `core:user:${name}`) : undefined;
  if (!workerd || !inspectorUrl) {
    await server.stop();
    throw new Error(
      `could not find the inspector of the Worker (core:user:${name}) in wrangler dev's workerd`,
    );
  }
  return {
    url,
    workerdPid: workerd.pid,
    inspectorUrl,
    proxyInspectorUrl: `ws://127.0.0.1:${inspectorPort}/ws`,
    output: server.output,
    stop: server.stop,
  };
}

/**
 * workerd's inspector for one worker: workerd picks its inspector port itself (wrangler passes
 * `--inspector-addr=127.0.0.1:0`), so probe the process's listening sockets for `/json/list`.
 */
async function findInspector(pid: number, id: string): Promise<string | undefined> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports: number[] = [];
  for (const table of ['tcp', 'tcp6']) {
    for (const line of readFileSync(`/proc/${pid}/net/${table}`, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is f[1] ("0100007F:A1B2"), state f[3] ("0A" = LISTEN), inode f[9].
      if (f[3] === '0A' && f[9] && inodes.has(f[9]))
        ports.push(Number.parseInt(f[1]?.split(':')[1] ?? '0', 16));
    }
  }
  for (const port of ports) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/list`, { signal: AbortSignal.timeout(1_000) });
      const targets = (await res.json()) as { id: string; webSocketDebuggerUrl: string }[];
      const target = targets.find((t) => t.id === id);
      if (target) return target.webSocketDebuggerUrl;
    } catch {
      // not the inspector
    }
  }
  return undefined;
}

/**
 * CPU ms of evaluating a built Worker script as a module in Node (same engine, V8): an estimate of
 * its global-scope start-up where `wrangler check startup` gives up (it stops after 10 s).
 */
export function nodeImportMs(script: string): number | null {
  const code = `const t = process.cpuUsage(); await import(${JSON.stringify(`file://${script}`)}); const d = process.cpuUsage(t); console.log('CPU_MS', (d.user + d.system) / 1000);`;
  const res = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 300_000,
  });
  const m = res.stdout?.match(/CPU_MS ([\d.]+)/);
  return m ? Number(m[1]) : null;
}
