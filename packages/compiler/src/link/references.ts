/** Every id an author writes must name something that exists. */
import { diagnostic, didYouMean } from '../diagnostics.js';
import type { Emit, LinkModel } from './model.js';

export function checkReferences(model: LinkModel, emit: Emit): void {
  const examIds = [...model.exams.keys()];
  const guideSlugs = [...model.guides.keys()];
  // Each exam's domain ids once, not once per question.
  const domainsOf = new Map<string, { list: string[]; set: Set<string> }>();
  for (const [id, { draft }] of model.exams) {
    const list = draft.exam.domains.map((d) => d.id);
    domainsOf.set(id, { list, set: new Set(list) });
  }

  for (const [id, { file, draft }] of model.questions) {
    const { exam, domain } = draft.public;
    if (!exam) {
      emit(
        diagnostic(
          file,
          'unknown-exam',
          `question '${id}' has no exam: set exam=… or list the guide's exams`,
          draft.span,
        ),
      );
      continue;
    }
    const target = model.exams.get(exam);
    if (model.brokenExams.has(exam)) continue;
    if (!target) {
      emit(
        diagnostic(
          file,
          'unknown-exam',
          `unknown exam '${exam}'${didYouMean(exam, examIds)}`,
          draft.examSpan,
        ),
      );
      continue;
    }
    const { list: domains, set: known } = domainsOf.get(exam) ?? { list: [], set: new Set<string>() };
    if (domain && !known.has(domain)) {
      emit(
        diagnostic(
          file,
          'unknown-domain',
          `unknown domain '${domain}' for exam '${exam}'${didYouMean(domain, domains) || ` (its domains: ${domains.join(', ')})`}`,
          draft.domainSpan,
        ),
      );
    }
  }

  for (const [slug, { file, draft }] of model.guides) {
    draft.guide.exams.forEach((exam, index) => {
      if (!model.exams.has(exam) && !model.brokenExams.has(exam)) {
        emit(
          diagnostic(
            file,
            'unknown-exam',
            `unknown exam '${exam}'${didYouMean(exam, examIds)}`,
            draft.keys[`exams.${index}`] ?? draft.frontmatterSpan,
          ),
        );
      }
    });
    draft.guide.related.forEach((related, index) => {
      if ((!model.guides.has(related) && !model.brokenGuides.has(related)) || related === slug) {
        const why =
          related === slug ? `guide '${slug}' lists itself as related` : `unknown guide '${related}'`;
        emit(
          diagnostic(
            file,
            'guide-related-unknown',
            `${why}${related === slug ? '' : didYouMean(related, guideSlugs)}`,
            draft.keys[`related.${index}`] ?? draft.frontmatterSpan,
          ),
        );
      }
    });
    for (const embed of draft.embeds) {
      if (!model.questions.has(embed.value)) {
        emit(
          diagnostic(
            file,
            'guide-question-unknown',
            `'::question{#${embed.value}}' embeds a question that does not exist${didYouMean(embed.value, [...model.questions.keys()])}`,
            embed.span,
          ),
        );
      }
    }
  }

  for (const { file, draft } of model.exams.values()) {
    draft.exam.guides.forEach((guide, index) => {
      if (!model.guides.has(guide) && !model.brokenGuides.has(guide)) {
        emit(
          diagnostic(
            file,
            'exam-guide-unknown',
            `unknown guide '${guide}'${didYouMean(guide, guideSlugs)}`,
            draft.keys[`guides.${index}`] ?? draft.frontmatterSpan,
          ),
        );
      }
    });
    draft.exam.domains.forEach((domain, index) => {
      const study = domain.studyGuide;
      if (!study) return;
      const span =
        draft.keys[`domains.${index}.studyGuide.guide`] ??
        draft.keys[`domains.${index}.studyGuide`] ??
        draft.frontmatterSpan;
      const guide = model.guides.get(study.guide);
      if (model.brokenGuides.has(study.guide)) return;
      if (!guide) {
        emit(
          diagnostic(
            file,
            'exam-study-guide-unknown',
            `domain '${domain.id}' studies in unknown guide '${study.guide}'${didYouMean(study.guide, guideSlugs)}`,
            span,
          ),
        );
        return;
      }
      if (study.section && !guide.draft.headingIds.includes(study.section)) {
        emit(
          diagnostic(
            file,
            'exam-study-guide-unknown',
            `guide '${study.guide}' has no section '#${study.section}'${didYouMean(study.section, guide.draft.headingIds)}`,
            draft.keys[`domains.${index}.studyGuide.section`] ?? span,
          ),
        );
      }
    });
  }
}
