/**
 * A synthetic but realistic content corpus for benchmarks: exams with blueprints, guides of about
 * 15 KB (tables, headings, lists, code, an embedded question, an FAQ) and question banks
 * (scenario stems, 4–5 options, rationales, explanations, some multiple select, a few files in
 * the plain style of public banks). Deterministic: the same options give byte-identical files.
 *
 *   node bench/src/corpus.ts [--guides 1000] [--questions 10000] [--seed 1] [--out DIR]
 *
 * Without --out the corpus goes to a fresh temp dir; the path is printed.
 * The corpus compiles without errors (the compiler benchmark checks that). This module lays out
 * the files and their counts; the words and the builders of prose, questions, guides and exams
 * are in corpus/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chance, oneOf, pick, sample, seededRandom } from './corpus/dice.ts';
import { EXAMS, type ExamSpec } from './corpus/exams.ts';
import { examFile, guideFile } from './corpus/files.ts';
import { slugify } from './corpus/prose.ts';
import { PositionDeck, question } from './corpus/question.ts';

export interface CorpusOptions {
  guides: number;
  /** Questions in total: bank files plus the questions defined inside guides. */
  questions: number;
  seed: number;
  /** Target directory; a fresh temp dir when absent. Its exams/, guides/, questions/ are replaced. */
  out?: string | undefined;
}

export interface Corpus {
  dir: string;
  exams: number;
  guides: number;
  questions: number;
  files: number;
  bytes: number;
  /** Content-relative paths of the bank files, for "edit one file" benchmarks. */
  bankFiles: string[];
}

export const DEFAULT_CORPUS: CorpusOptions = { guides: 1000, questions: 10_000, seed: 1 };
/** The benchmarks' --quick corpus. */
export const QUICK_CORPUS: CorpusOptions = { guides: 100, questions: 1000, seed: 1 };

export function generateCorpus(options: CorpusOptions): Corpus {
  const r = seededRandom(options.seed);
  const deck = new PositionDeck(r);
  const dir = options.out ? path.resolve(options.out) : mkdtempSync(path.join(tmpdir(), 'examdown-corpus-'));
  for (const sub of ['exams', 'guides', 'questions'])
    rmSync(path.join(dir, sub), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();

  const total = Math.max(0, Math.floor(options.questions));
  const guideCount = Math.max(0, Math.floor(options.guides));
  // A few exams, each with a bank large enough to fill its blueprint several times over.
  const examCount = Math.max(1, Math.min(EXAMS.length, Math.ceil(total / 2500), Math.floor(total / 60) || 1));
  const exams = EXAMS.slice(0, examCount);
  const questionCount = Math.max(1, Math.min(60, Math.floor(total / examCount / 2)));

  // Half of the guides define their question inline (it counts towards the total); the others
  // embed a bank question with ::question{#id}.
  const inlineGuides = Math.min(Math.ceil(guideCount / 2), Math.floor(total / 10));
  const bankTotal = total - inlineGuides;

  const guideSlugs = exams.map(() => [] as string[]);
  for (let g = 0; g < guideCount; g++) {
    const e = g % examCount;
    guideSlugs[e]?.push(`${exams[e]?.prefix}-guide-${String(g + 1).padStart(4, '0')}`);
  }

  // Bank questions, per exam and domain in proportion to the weights.
  const bankIds: string[][] = exams.map(() => []);
  let serial = 1;
  exams.forEach((exam, e) => {
    const share = Math.floor(bankTotal / examCount) + (e < bankTotal % examCount ? 1 : 0);
    const perDomain = exam.domains.map((d) => Math.floor((share * d.weight) / 100));
    let rest = share - perDomain.reduce((a, b) => a + b, 0);
    for (let k = 0; rest > 0; k = (k + 1) % perDomain.length, rest--) perDomain[k] = (perDomain[k] ?? 0) + 1;
    exam.domains.forEach((domain, k) => {
      const count = perDomain[k] ?? 0;
      const perFile = 20;
      for (let f = 0; f * perFile < count; f++) {
        const n = Math.min(perFile, count - f * perFile);
        const plainStyle = f % 20 === 19; // about 5% of the bank files use the plain public style
        const blocks: string[] = [];
        for (let q = 0; q < n; q++) {
          const id = `${exam.prefix}-${domain.id}-${String(serial).padStart(5, '0')}`;
          const attributes = [
            chance(0.7, r) ? ` difficulty=${oneOf(['easy', 'medium', 'hard'], r)}` : '',
            chance(0.5, r) ? ` topics="${sample(domain.topics, 2, r).map(slugify).join(',')}"` : '',
          ].join('');
          const text = question(r, deck, id, domain, attributes, serial);
          blocks.push(plainStyle ? text.plain : text.directive);
          if (!plainStyle) bankIds[e]?.push(id);
          serial++;
        }
        const front = `---\ndomain: ${domain.id}\n${plainStyle ? 'difficulty: medium\n' : ''}---\n`;
        const file = `questions/${exam.id}/${domain.id}-${String(f + 1).padStart(3, '0')}.md`;
        files.set(file, `${front}\n${blocks.join('\n\n')}\n`);
      }
    });
  });

  let inlineLeft = inlineGuides;
  for (let g = 0; g < guideCount; g++) {
    const e = g % examCount;
    const exam = exams[e] as ExamSpec;
    const slugs = guideSlugs[e] as string[];
    const slug = slugs[Math.floor(g / examCount)] as string;
    const others = slugs.filter((s) => s !== slug);
    const related = sample(others, Math.min(3, others.length), r);
    let inline: string | undefined;
    let embed: string | undefined;
    if (g % 2 === 0 && inlineLeft > 0) {
      const domain = oneOf(exam.domains, r);
      inline = question(r, deck, `${slug}-try-it`, domain, ` domain=${domain.id}`, serial++).directive;
      inlineLeft--;
    } else {
      const ids = bankIds[e] as string[];
      embed = pick(ids, r);
    }
    const target = Math.round(15_000 * (0.9 + r() * 0.2));
    files.set(`guides/${slug}.md`, guideFile(r, exam, g, related, inline, embed, target));
  }

  exams.forEach((exam, e) => {
    files.set(`exams/${exam.id}.md`, examFile(exam, guideSlugs[e] ?? [], questionCount));
  });

  let bytes = 0;
  for (const [rel, text] of files) {
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  }
  return {
    dir,
    exams: examCount,
    guides: guideCount,
    questions: total,
    files: files.size,
    bytes,
    bankFiles: [...files.keys()].filter((p) => p.startsWith('questions/')).sort(),
  };
}

/** The `parseArgs` options that choose a corpus; the benchmarks that build one accept them too. */
export const CORPUS_ARG_OPTIONS = {
  guides: { type: 'string' },
  questions: { type: 'string' },
  seed: { type: 'string' },
} as const;

export function parseCorpusArgs(argv: string[]): CorpusOptions {
  const { values } = parseArgs({
    args: argv,
    options: { ...CORPUS_ARG_OPTIONS, out: { type: 'string' } },
    strict: true,
  });
  const number = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number >= 0, not '${value}'`);
    return n;
  };
  return {
    guides: number('guides', values.guides, DEFAULT_CORPUS.guides),
    questions: number('questions', values.questions, DEFAULT_CORPUS.questions),
    seed: number('seed', values.seed, DEFAULT_CORPUS.seed),
    out: values.out,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const corpus = generateCorpus(parseCorpusArgs(process.argv.slice(2)));
    const { bankFiles: _, ...summary } = corpus;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
