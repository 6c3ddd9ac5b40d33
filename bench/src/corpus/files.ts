/**
 * The two kinds of whole file besides the banks: an exam (frontmatter blueprint + a short
 * overview) and a guide of about `targetBytes` (sections per domain, a question, a study plan, an
 * FAQ, padded with notes until it reaches its size).
 */
import { between, chance, oneOf, type Random, sample } from './dice.ts';
import type { DomainSpec, ExamSpec } from './exams.ts';
import { bulletList, capitalise, codeBlock, paragraph, slugify, table } from './prose.ts';
import { FAQ_QUESTIONS } from './words.ts';

export function examFile(exam: ExamSpec, guideSlugs: string[], questionCount: number): string {
  const studyGuide = guideSlugs[0];
  const domains = exam.domains
    .map((d, index) =>
      [
        `  - id: ${d.id}`,
        `    name: ${d.name}`,
        `    weight: ${d.weight}`,
        `    topics: [${d.topics.join(', ')}]`,
        ...(studyGuide
          ? [
              `    studyGuide: { guide: ${studyGuide}, section: ${slugify(`Domain ${index + 1}: ${d.name}`)} }`,
            ]
          : []),
      ].join('\n'),
    )
    .join('\n');
  return `---
title: ${exam.title}
vendor: Example Cloud
level: ${exam.level}
summary: "${exam.title}: ${exam.domains.map((d) => d.name.toLowerCase()).join(', ')}."
questionCount: ${questionCount}
durationMinutes: ${questionCount * 2}
passingScore: 70 # percent
fee: { amount: 200, currency: USD, note: excluding tax }
languages: [English, Japanese]
validityYears: 2
format: Single and multiple choice, mostly scenarios
scoring: { multipleSelect: all-or-nothing }
guides: [${guideSlugs.slice(0, 3).join(', ')}]
domains:
${domains}
---

The ${exam.title} exam checks whether you can apply the platform to real problems rather than
recite its features. Most questions are short scenarios that end in a constraint.

| Item | Detail |
| --- | --- |
| Questions | ${questionCount} |
| Time | ${questionCount * 2} minutes |
| Passing score | 70% |
`;
}

export function guideFile(
  r: Random,
  exam: ExamSpec,
  index: number,
  related: string[],
  inline: string | undefined,
  embedId: string | undefined,
  targetBytes: number,
): string {
  const title = `${exam.title}: ${oneOf(['complete guide', 'study notes', 'exam tips', 'domain deep dive', 'practice plan'], r)} ${index + 1}`;
  const d0 = exam.domains[0] as DomainSpec;
  const head = `---
title: "${title}"
description: How the ${exam.title} exam works, what each domain tests and how to prepare.
vendor: Example Cloud
exams: [${exam.id}]
published: 2026-0${between(1, 9, r)}-1${between(0, 9, r)}
updated: 2026-10-2${between(0, 9, r)}
authors: [examdown editorial team]
tags: [${sample(['cloud', 'data', 'certification', 'study-plan', exam.prefix, 'practice'], 3, r).join(', ')}]
related: [${related.join(', ')}]
locale: en
---
`;
  const parts: string[] = [head, paragraph(r, d0, 5), '## Exam at a glance', table(r, d0)];
  parts.push('### Budgeting your time', paragraph(r, d0, 3), bulletList(r, d0, 3));
  exam.domains.forEach((domain, k) => {
    parts.push(`## Domain ${k + 1}: ${domain.name}`, paragraph(r, domain));
    for (const topic of sample(domain.topics, 2, r)) {
      parts.push(`### ${capitalise(topic)}`, paragraph(r, domain), bulletList(r, domain));
      if (chance(0.6, r)) parts.push(table(r, domain));
      if (chance(0.5, r)) parts.push(codeBlock(r, domain));
    }
  });
  parts.push('## Try a question');
  if (inline) parts.push(inline);
  if (embedId) parts.push(`::question{#${embedId}}`);
  const tail = [
    '## Study plan',
    exam.domains
      .map((d, k) => `${k + 1}. Week ${k * 2 + 1}–${k * 2 + 2}: ${d.name}, ${oneOf(d.topics, r)}.`)
      .join('\n'),
    '## FAQ',
    ':::faq',
    ...sample(FAQ_QUESTIONS, 3, r).flatMap((q) => [`### ${q}`, paragraph(r, d0, 2)]),
    ':::',
  ];
  // Pad the body with more prose until the guide reaches its target size.
  let size = [...parts, ...tail].join('\n\n').length;
  let extra = 1;
  while (size < targetBytes) {
    const domain = oneOf(exam.domains, r);
    const block = [
      `### Notes ${extra}: ${capitalise(oneOf(domain.topics, r))}`,
      paragraph(r, domain),
      bulletList(r, domain),
    ];
    parts.splice(parts.length - 2, 0, ...block);
    size += block.join('\n\n').length + 6;
    extra++;
  }
  return `${[...parts, ...tail].join('\n\n')}\n`;
}
