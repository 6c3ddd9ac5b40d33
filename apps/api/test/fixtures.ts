/**
 * A small constructed bundle for unit tests: exact numbers to assert against, and exam features
 * the real content does not use (partial credit, a domain with a thin bank).
 */
import type {
  Exam,
  Guide,
  PrivateBundle,
  PublicBundle,
  PublicQuestion,
  QuestionKey,
} from '@examdown/compiler/schema';
import { type LoadedBundle, loadBundle } from '../src/bundle.js';

export const FIXTURE_HASH = 'f'.repeat(64);

function exam(id: string, domains: [string, number][], extra: Partial<Exam> = {}): Exam {
  return {
    id,
    title: `Exam ${id}`,
    vendor: 'Fixture',
    questionCount: 10,
    durationMinutes: 20,
    passingScore: 70,
    languages: ['English'],
    scoring: { multipleSelect: 'all-or-nothing' },
    domains: domains.map(([d, weight]) => ({
      id: d,
      name: `Domain ${d}`,
      weight,
      topics: [`${d} topic`],
      studyGuide: { guide: 'fixture-guide', section: `section-${d}` },
    })),
    guides: ['fixture-guide'],
    descriptionHtml: '<p>Fixture exam.</p>',
    source: `exams/${id}.md:1`,
    ...extra,
  };
}

interface Made {
  question: PublicQuestion;
  key: QuestionKey;
}

/** Question `<prefix>-<n>`: options a–d; single → correct b; multiple → correct a and c. */
function question(examId: string, domain: string, id: string, type: 'single' | 'multiple'): Made {
  const options = ['a', 'b', 'c', 'd'].map((o) => ({ id: o, html: `Option ${o} of ${id}` }));
  const correct = type === 'single' ? ['b'] : ['a', 'c'];
  return {
    question: {
      id,
      exam: examId,
      domain,
      topics: [],
      difficulty: 'medium',
      type,
      selectCount: correct.length,
      stemHtml: `<p>Stem of ${id}?</p>`,
      options,
      source: `questions/${examId}/${domain}.md:1`,
    },
    key: {
      id,
      correct,
      rationales: Object.fromEntries(options.map((o) => [o.id, `<p>SECRET rationale ${o.id} of ${id}</p>`])),
      explanationHtml: `<p>SECRET explanation of ${id}</p>`,
    },
  };
}

const made: Made[] = [];
// "fx" exam: 10 questions at 50/30/20 over banks of 12/6/5 (one multiple-select per domain).
for (const [domain, n] of [
  ['alpha', 12],
  ['beta', 6],
  ['gamma', 5],
] as const) {
  for (let i = 1; i <= n; i++) {
    made.push(
      question('fx', domain, `fx-${domain}-${String(i).padStart(2, '0')}`, i === 1 ? 'multiple' : 'single'),
    );
  }
}
// "fx-partial" exam: partial credit for multiple select; 4 questions, all multiple select.
for (let i = 1; i <= 4; i++) made.push(question('fx-partial', 'delta', `fxp-delta-${i}`, 'multiple'));

const exams = [
  exam('fx', [
    ['alpha', 50],
    ['beta', 30],
    ['gamma', 20],
  ]),
  exam('fx-partial', [['delta', 100]], {
    questionCount: 4,
    scoring: { multipleSelect: 'partial' },
    passingScore: 50,
  }),
];

const guide: Guide = {
  slug: 'fixture-guide',
  title: 'Fixture guide',
  exams: ['fx'],
  published: '2026-01-01',
  authors: ['tests'],
  tags: [],
  related: [],
  locale: 'en',
  html: '<h2 id="section-alpha">Alpha</h2><div class="examdown-question" data-question-id="fx-alpha-02"></div>',
  toc: [{ depth: 2, id: 'section-alpha', text: 'Alpha' }],
  questionIds: ['fx-alpha-02'],
  faq: [],
  readingMinutes: 1,
  source: 'guides/fixture-guide.md:1',
};

const byExam: Record<string, Record<string, string[]>> = {};
for (const { question: q } of made) {
  const domains = byExam[q.exam] ?? {};
  byExam[q.exam] = domains;
  domains[q.domain] = [...(domains[q.domain] ?? []), q.id];
}
for (const domains of Object.values(byExam)) for (const ids of Object.values(domains)) ids.sort();

export const fixturePublic: PublicBundle = {
  manifest: {
    schemaVersion: 1,
    contentHash: FIXTURE_HASH,
    generator: 'fixtures',
    counts: { exams: exams.length, guides: 1, questions: made.length },
    questionsByExam: byExam,
  },
  exams,
  guides: [guide],
  questions: made.map((m) => m.question),
};

export const fixturePrivate: PrivateBundle = { contentHash: FIXTURE_HASH, keys: made.map((m) => m.key) };

export function fixtureBundle(): LoadedBundle {
  return loadBundle(fixturePublic, fixturePrivate);
}

/** `questions` questions of about 1 KB (and keys of about 700 B) over 4 exams, `guides` guides of 5 KB. */
export function syntheticBank(questions: number, guides: number) {
  const base = fixturePublic.questions[0] as PublicQuestion;
  const baseKey = fixturePrivate.keys[0] as QuestionKey;
  const baseGuide = fixturePublic.guides[0] as Guide;
  const words = (n: number, seed: number) =>
    Array.from({ length: n }, (_, i) => `w${((seed * 7919 + i * 104729) % 9973).toString(36)}`).join(' ');
  const qs: PublicQuestion[] = [];
  const keys: QuestionKey[] = [];
  const byExam: Record<string, Record<string, string[]>> = {};
  for (let i = 0; i < questions; i++) {
    const exam = `syn-${i % 4}`;
    const id = `${exam}-${String(Math.floor(i / 4)).padStart(5, '0')}`;
    qs.push({ ...base, id, exam, domain: 'd', stemHtml: `<p>${words(120, i)}</p>` });
    keys.push({ ...baseKey, id, explanationHtml: `<p>${words(80, i + 1)}</p>` });
    const domains = byExam[exam] ?? { d: [] };
    byExam[exam] = domains;
    domains.d?.push(id);
  }
  const hash = 'a'.repeat(64);
  const pub: PublicBundle = {
    manifest: { ...fixturePublic.manifest, contentHash: hash, questionsByExam: byExam },
    exams: [],
    guides: Array.from({ length: guides }, (_, i) => ({
      ...baseGuide,
      slug: `guide-${i}`,
      html: `<p>${words(600, i)}</p>`,
      questionIds: [],
    })),
    questions: qs,
  };
  return { pub, priv: { contentHash: hash, keys } };
}
