/** An exam file: the blueprint in frontmatter, the description in the body. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { RuleId, Span } from '../diagnostics.js';
import { type KeySpans, parseFrontmatter } from '../parse/frontmatter.js';
import { renderDocument } from '../render/html.js';
import { ExamFrontmatter } from '../schema/frontmatter.js';
import type { Exam } from '../schema/index.js';
import { resolveFileId } from './file-id.js';
import { readLintConfig } from './silence.js';

export interface ExamDraft {
  exam: Exam;
  /** Where the id is written (the `id:` key, or the frontmatter fence when it comes from the file name). */
  idSpan: Span;
  frontmatterSpan: Span;
  keys: KeySpans;
  /** Bank-wide linter rules silenced in the exam's own frontmatter. */
  silenced: RuleId[];
}

export function extractExam(file: VFile, tree: Root): ExamDraft | undefined {
  const frontmatter = parseFrontmatter(file, tree, ExamFrontmatter, { required: true });
  const data = frontmatter.data;
  if (!data) return undefined;
  const idSpan = frontmatter.keys.id ?? frontmatter.span;
  const id = resolveFileId(file, data.id, 'id', idSpan);
  const body = tree.children.filter((node) => node.type !== 'yaml');
  const exam: Exam = {
    id,
    title: data.title,
    vendor: data.vendor,
    ...(data.level !== undefined ? { level: data.level } : {}),
    ...(data.summary !== undefined ? { summary: data.summary } : {}),
    questionCount: data.questionCount,
    durationMinutes: data.durationMinutes,
    passingScore: data.passingScore,
    ...(data.fee !== undefined ? { fee: data.fee } : {}),
    languages: data.languages,
    ...(data.prerequisites !== undefined ? { prerequisites: data.prerequisites } : {}),
    ...(data.validityYears !== undefined ? { validityYears: data.validityYears } : {}),
    ...(data.format !== undefined ? { format: data.format } : {}),
    scoring: { multipleSelect: data.scoring?.multipleSelect ?? 'all-or-nothing' },
    domains: data.domains,
    guides: data.guides,
    descriptionHtml: renderDocument(body).html,
    source: `${file.path}:1`,
  };
  const silenced = readLintConfig(file, data.lint, frontmatter.keys, frontmatter.span);
  return { exam, idSpan, frontmatterSpan: frontmatter.span, keys: frontmatter.keys, silenced };
}
