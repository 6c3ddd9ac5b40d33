/**
 * Where a live-preview rebuild spends its time, in-process and phase by phase: the dev server's
 * rebuild path (apps/api/scripts/dev/rebuild.ts: compileContent with a stat-trusting FileCache,
 * then `result.bundle` and the KV entries that local-kv.ts publishes), after editing one
 * question's stem again and again.
 *
 *   node bench/src/preview-profile.ts [--questions N] [--guides N] [--edits N] [--corpus DIR]
 *
 * Prints one line per edit (load, per-file, link, assemble, bundle object, KV entries, total) and
 * the medians. With --corpus it uses (and edits, then restores) an existing corpus.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { compileContent, FileCache } from '@examdown/compiler';
import { bundleEntries } from '../../apps/api/src/kv-layout.ts';
import { generateCorpus } from './corpus.ts';
import { firstQuestion } from './preview-bench.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    guides: { type: 'string' },
    edits: { type: 'string' },
    corpus: { type: 'string' },
  },
});
const work = mkdtempSync(path.join(tmpdir(), 'examdown-preview-profile-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
try {
  const dir =
    values.corpus ??
    generateCorpus({
      questions: Number(values.questions ?? 10_000),
      guides: Number(values.guides ?? 1000),
      seed: 1,
      out: path.join(work, 'corpus'),
    }).dir;
  const { file, id } = firstQuestion(dir);
  const original = readFileSync(file, 'utf8');
  const cache = new FileCache({ trustStat: true });
  const build = async () => {
    const t0 = performance.now();
    const result = await compileContent(dir, { cache, root: '.' });
    const compiled = performance.now();
    const bundle = result.bundle;
    const decoded = performance.now();
    if (!bundle) throw new Error(`${result.errors} errors`);
    const entries = await bundleEntries(bundle.public, bundle.private);
    const hashed = performance.now();
    const question = bundle.public.questions.find((q) => q.id === id);
    return {
      ...result.timings,
      bundle: decoded - compiled,
      kvEntries: hashed - decoded,
      total: hashed - t0,
      compile: compiled - t0,
      stem: question?.stemHtml ?? '',
      values: entries.entries.length,
    };
  };
  const first = await build();
  console.log(`cold: compile ${Math.round(first.compile)} ms, ${first.values} KV values`);
  const rows: Array<Record<string, number>> = [];
  const edits = Number(values.edits ?? 7);
  try {
    for (let i = 1; i <= edits; i++) {
      const mark = `preview revision ${i}`;
      writeFileSync(file, original.replace(/(::::?question\{#[^}]*\}\n)/, `$1${mark}. `));
      const r = await build();
      if (!r.stem.includes(mark)) throw new Error(`edit ${i} not in the bundle`);
      const row = {
        load: r.load,
        perFile: r.perFile,
        link: r.link,
        assemble: r.assemble,
        bundle: r.bundle,
        kvEntries: r.kvEntries,
        total: r.total,
      };
      rows.push(row);
      console.log(
        `edit ${i}: ${Object.entries(row)
          .map(([k, v]) => `${k} ${Math.round(v)}`)
          .join(', ')} ms`,
      );
    }
  } finally {
    writeFileSync(file, original);
  }
  const keys = Object.keys(rows[0] ?? {});
  console.log(
    `median: ${keys.map((k) => `${k} ${Math.round(median(rows.map((r) => r[k] as number)))}`).join(', ')} ms`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
