import type { ExamSummary, GuideSummary } from '../model';
import { formatDate, formatMinutes } from './ui';
import './Cards.css';

/** A card's heading level: h2 on a page that lists only cards, h3 under a section's h2. */
export type CardLevel = 2 | 3;

/** The card's title; its link covers the whole card (see .card-link::after). */
function CardTitle({ href, title, level }: { href: string; title: string; level: CardLevel }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <Heading class="card-title">
      <a href={href} class="card-link">
        {title}
      </a>
    </Heading>
  );
}

export function ExamCard({ exam, level = 3 }: { exam: ExamSummary; level?: CardLevel }) {
  return (
    <li class="card exam-card">
      <p class="eyebrow">
        {exam.vendor}
        {exam.level ? ` · ${exam.level}` : ''}
      </p>
      <CardTitle href={`/exams/${exam.id}`} title={exam.title} level={level} />
      {exam.summary && <p class="card-summary">{exam.summary}</p>}
      <ul class="facts-inline" aria-label="Exam facts">
        <li>{exam.questionCount} questions</li>
        <li>{formatMinutes(exam.durationMinutes)}</li>
        <li>{exam.passingScore}% to pass</li>
      </ul>
    </li>
  );
}

export function GuideCard({ guide, level = 3 }: { guide: GuideSummary; level?: CardLevel }) {
  return (
    <li class="card guide-card">
      {guide.vendor && <p class="eyebrow">{guide.vendor}</p>}
      <CardTitle href={`/guides/${guide.slug}`} title={guide.title} level={level} />
      {guide.description && <p class="card-summary">{guide.description}</p>}
      <p class="meta">
        {guide.readingMinutes} min read · updated{' '}
        <time dateTime={guide.updated ?? guide.published}>
          {formatDate(guide.updated ?? guide.published)}
        </time>
      </p>
    </li>
  );
}
