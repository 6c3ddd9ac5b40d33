import type { ExamSummary, GuideSummary } from '../model';
import { formatDate, formatMinutes } from './ui';
import './Cards.css';

/** The card's title; its link covers the whole card (see .card-link::after). */
function CardTitle({ href, title }: { href: string; title: string }) {
  return (
    <h3>
      <a href={href} class="card-link">
        {title}
      </a>
    </h3>
  );
}

export function ExamCard({ exam }: { exam: ExamSummary }) {
  return (
    <li class="card exam-card">
      <p class="eyebrow">
        {exam.vendor}
        {exam.level ? ` · ${exam.level}` : ''}
      </p>
      <CardTitle href={`/exams/${exam.id}`} title={exam.title} />
      {exam.summary && <p class="card-summary">{exam.summary}</p>}
      <ul class="facts-inline" aria-label="Exam facts">
        <li>{exam.questionCount} questions</li>
        <li>{formatMinutes(exam.durationMinutes)}</li>
        <li>{exam.passingScore}% to pass</li>
      </ul>
    </li>
  );
}

export function GuideCard({ guide }: { guide: GuideSummary }) {
  return (
    <li class="card guide-card">
      {guide.vendor && <p class="eyebrow">{guide.vendor}</p>}
      <CardTitle href={`/guides/${guide.slug}`} title={guide.title} />
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
