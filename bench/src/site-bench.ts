/**
 * The public site benchmark (`npm run bench -- --only site`): the product started as `npm run dev`
 * does, then
 *
 *   1. JavaScript per prerendered page (script + preloaded chunks, gzip -9), every public page;
 *   2. Lighthouse 12.2.3 (mobile emulation, simulated throttling) on the home page, one exam and
 *      one guide: Performance, Accessibility, Best Practices, SEO. Lighthouse's default 4× CPU
 *      throttling assumes a high-end desktop (benchmark index ~1500); on a slower machine it also
 *      runs with 4 × index / 1500, the calibration its docs/throttling.md describes.
 *
 * Prints tables and writes bench/results/site.json.
 */
import { publicContent, publicPaths } from '../../tests/support/public-content.ts';
import { printTable, round } from './edge/common.ts';
import type { Benchmark, BenchReport } from './main.ts';
import { type LighthouseScores, lighthouse } from './site-bench/lighthouse.ts';
import { pageJs } from './site-bench/page-js.ts';
import { startProduct } from './site-bench/product.ts';
import { kib } from './web-bench/sizes.ts';

/** Lighthouse's default CPU throttling is calibrated for a machine of this benchmark index. */
const REFERENCE_INDEX = 1500;

export async function runSiteBench(log: (line: string) => void = () => {}) {
  const { exams, guides } = publicContent();
  const exam = exams[0];
  const guide = guides.find((g) => g.questionIds.length > 0) ?? guides[0];
  if (!exam || !guide) throw new Error('the content has no exam or no guide');

  log('starting the product (npm run dev) …');
  const server = await startProduct();
  try {
    const pages = publicPaths({ exams, guides });
    const js = pages.map(pageJs);
    const jsTable = printTable('JavaScript per prerendered page (gzip -9), KiB', [
      ['page', 'files', 'raw', 'gzip -9'],
      ...js.map((p) => [p.page, p.files, kib(p.bytes), kib(p.gzipBytes)]),
    ]);

    const targets = ['/', `/exams/${exam.id}`, `/guides/${guide.slug}`];
    const runs: LighthouseScores[] = [];
    for (const t of targets) {
      log(`lighthouse ${t} …`);
      runs.push(lighthouse(`${server.url}${t}`));
    }
    const index = Math.min(...runs.map((r) => r.benchmarkIndex));
    const calibrated: LighthouseScores[] = [];
    if (index < REFERENCE_INDEX) {
      const multiplier = Math.max(1, round((4 * index) / REFERENCE_INDEX, 1));
      for (const t of targets) {
        log(`lighthouse ${t} (CPU ×${multiplier}) …`);
        calibrated.push(lighthouse(`${server.url}${t}`, { cpuSlowdownMultiplier: multiplier }));
      }
    }
    const rows = [...runs, ...calibrated].map((r) => [
      new URL(r.url).pathname,
      `×${r.cpuSlowdownMultiplier}`,
      r.scores.performance,
      r.scores.accessibility,
      r.scores['best-practices'],
      r.scores.seo,
      r.metrics.fcpMs,
      r.metrics.lcpMs,
      r.metrics.tbtMs,
      r.metrics.cls,
      r.benchmarkIndex,
      r.failing.join(' '),
    ]);
    const table = printTable('Lighthouse 12.2.3, mobile', [
      [
        'page',
        'CPU',
        'Perf',
        'A11y',
        'BP',
        'SEO',
        'FCP ms',
        'LCP ms',
        'TBT ms',
        'CLS',
        'bench index',
        'below 1',
      ],
      ...rows,
    ]);
    return { js, lighthouse: runs, calibrated, table: `${jsTable}\n\n${table}` };
  } finally {
    await server.stop();
  }
}

export const siteBenchmark: Benchmark = {
  name: 'site',
  description: 'public site: JS per prerendered page, Lighthouse scores of home, an exam and a guide',
  async run(options): Promise<BenchReport> {
    const result = await runSiteBench(options.log);
    return {
      title: 'Public site (prerendered pages, Lighthouse)',
      table: result.table,
      notes: [
        'Lighthouse runs its CLI against `npm run dev` with /usr/bin/chromium, mobile emulation and simulated throttling.',
        'JS per page: the module script and modulepreload links of the page in apps/web/dist, gzip -9.',
      ],
      json: { js: result.js, lighthouse: result.lighthouse, calibrated: result.calibrated },
    };
  },
};
