/** Every id an author writes must name something that exists. */
import type { RuleId, Span } from '../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import type { KeySpans } from '../parse/frontmatter.js';
import type { LinkModel, Report } from './model.js';

export function checkReferences(model: LinkModel, report: Report): void {
  const examIds = [...model.exams.keys()];
  const guideSlugs = [...model.guides.keys()];
  // A file whose frontmatter is broken still exists: references to it are not "unknown".
  const examExists = (id: string) => model.exams.has(id) || model.brokenExams.has(id);
  const guideExists = (slug: string) => model.guides.has(slug) || model.brokenGuides.has(slug);
  const unknownExam = (exam: string) => `unknown exam '${exam}'${didYouMean(exam, examIds)}`;
  const unknownGuide = (guide: string) => `unknown guide '${guide}'${didYouMean(guide, guideSlugs)}`;

  /** Reports each id of the frontmatter list `key` that fails `ok`, at the line it is written on. */
  const checkList = (
    file: string,
    draft: { keys: KeySpans; frontmatterSpan: Span },
    key: string,
    ids: readonly string[],
    ok: (id: string) => boolean,
    rule: RuleId,
    message: (id: string) => string,
  ) => {
    ids.forEach((id, index) => {
      if (!ok(id)) report(file, rule, message(id), draft.keys[`${key}.${index}`] ?? draft.frontmatterSpan);
    });
  };

  // Each exam's domain ids once, not once per question.
  const domainsOf = new Map<string, { list: string[]; set: Set<string> }>();
  for (const [id, { draft }] of model.exams) {
    const list = draft.exam.domains.map((d) => d.id);
    domainsOf.set(id, { list, set: new Set(list) });
  }

  for (const [id, { file, draft }] of model.questions) {
    const { exam, domain } = draft.public;
    if (!exam) {
      report(
        file,
        'unknown-exam',
        `question '${id}' has no exam: set exam=… or list the guide's exams`,
        draft.span,
      );
      continue;
    }
    if (model.brokenExams.has(exam)) continue;
    if (!model.exams.has(exam)) {
      report(file, 'unknown-exam', unknownExam(exam), draft.examSpan);
      continue;
    }
    const { list: domains, set: known } = domainsOf.get(exam) ?? { list: [], set: new Set<string>() };
    if (domain && !known.has(domain)) {
      const hint = didYouMean(domain, domains) || ` (its domains: ${domains.join(', ')})`;
      report(
        file,
        'unknown-domain',
        `unknown domain '${domain}' for exam '${exam}'${hint}`,
        draft.domainSpan,
      );
    }
  }

  for (const [slug, { file, draft }] of model.guides) {
    checkList(file, draft, 'exams', draft.guide.exams, examExists, 'unknown-exam', unknownExam);
    const related = (other: string) => other !== slug && guideExists(other);
    checkList(file, draft, 'related', draft.guide.related, related, 'guide-related-unknown', (other) =>
      other === slug ? `guide '${slug}' lists itself as related` : unknownGuide(other),
    );
    for (const embed of draft.embeds) {
      if (model.questions.has(embed.value)) continue;
      const hint = didYouMean(embed.value, [...model.questions.keys()]);
      report(
        file,
        'guide-question-unknown',
        `'::question{#${embed.value}}' embeds a question that does not exist${hint}`,
        embed.span,
      );
    }
  }

  for (const { file, draft } of model.exams.values()) {
    checkList(file, draft, 'guides', draft.exam.guides, guideExists, 'exam-guide-unknown', unknownGuide);
    draft.exam.domains.forEach((domain, index) => {
      const study = domain.studyGuide;
      if (!study || model.brokenGuides.has(study.guide)) return;
      const keys = draft.keys;
      const span =
        keys[`domains.${index}.studyGuide.guide`] ??
        keys[`domains.${index}.studyGuide`] ??
        draft.frontmatterSpan;
      const guide = model.guides.get(study.guide);
      if (!guide) {
        const hint = didYouMean(study.guide, guideSlugs);
        const message = `domain '${domain.id}' studies in unknown guide '${study.guide}'${hint}`;
        report(file, 'exam-study-guide-unknown', message, span);
      } else if (study.section && !guide.draft.headingIds.includes(study.section)) {
        const hint = didYouMean(study.section, guide.draft.headingIds);
        const message = `guide '${study.guide}' has no section '#${study.section}'${hint}`;
        report(
          file,
          'exam-study-guide-unknown',
          message,
          keys[`domains.${index}.studyGuide.section`] ?? span,
        );
      }
    });
  }
}
