/**
 * One Lighthouse run (npm `lighthouse`, pinned to 12.2.3) against a URL: its CLI, Debian's
 * Chromium, the default mobile emulation and simulated throttling, the four categories.
 * `cpuSlowdownMultiplier` overrides the default 4× CPU throttling (Lighthouse's calibration for
 * a machine slower than it expects; see its docs/throttling.md).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM } from '../../../tests/support/chromium.ts';
import { run } from '../edge/common.ts';

const require = createRequire(import.meta.url);
const CLI = path.join(path.dirname(require.resolve('lighthouse/package.json')), 'cli/index.js');
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseScores {
  url: string;
  /** 0–100 per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Lighthouse's measure of this machine's CPU (a high-end desktop is 1500–2000). */
  benchmarkIndex: number;
  cpuSlowdownMultiplier: number;
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number };
  /** Audits below 1 that count for the score: what to look at when a score drops. */
  failing: string[];
}

interface Lhr {
  categories: Record<string, { score: number }>;
  environment: { benchmarkIndex: number };
  configSettings: { throttling: { cpuSlowdownMultiplier: number } };
  audits: Record<
    string,
    { score: number | null; numericValue?: number; scoreDisplayMode: string; id: string }
  >;
}

export function lighthouse(url: string, options: { cpuSlowdownMultiplier?: number } = {}): LighthouseScores {
  const dir = mkdtempSync(path.join(tmpdir(), 'examdown-lh-'));
  const out = path.join(dir, 'report.json');
  try {
    run(
      process.execPath,
      [
        CLI,
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        `--only-categories=${CATEGORIES.join(',')}`,
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
        ...(options.cpuSlowdownMultiplier
          ? [`--throttling.cpuSlowdownMultiplier=${options.cpuSlowdownMultiplier}`]
          : []),
      ],
      { env: { CHROME_PATH: CHROMIUM } },
    );
    const lhr = JSON.parse(readFileSync(out, 'utf8')) as Lhr;
    const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const value = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    return {
      url,
      scores: {
        performance: score('performance'),
        accessibility: score('accessibility'),
        'best-practices': score('best-practices'),
        seo: score('seo'),
      },
      benchmarkIndex: lhr.environment.benchmarkIndex,
      cpuSlowdownMultiplier: lhr.configSettings.throttling.cpuSlowdownMultiplier,
      metrics: {
        fcpMs: Math.round(value('first-contentful-paint')),
        lcpMs: Math.round(value('largest-contentful-paint')),
        tbtMs: Math.round(value('total-blocking-time')),
        cls: Math.round(value('cumulative-layout-shift') * 1000) / 1000,
        speedIndexMs: Math.round(value('speed-index')),
      },
      failing: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && ['binary', 'numeric'].includes(a.scoreDisplayMode))
        .map((a) => a.id),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
