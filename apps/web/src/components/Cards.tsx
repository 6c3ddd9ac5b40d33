import type { ExamSummary, GuideSummary } from '../model';
import { formatDate, formatMinutes } from './ui';

export function ExamCard({ exam }: { exam: ExamSummary }) {
  return (
    <li class="card exam-card">
      <p class="eyebrow">
        {exam.vendor}
        {exam.level ? ` · ${exam.level}` : ''}
      </p>
      <h3>
        <a href={`/exams/${exam.id}`} class="card-link">
          {exam.title}
        </a>
      </h3>
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
      <h3>
        <a href={`/guides/${guide.slug}`} class="card-link">
          {guide.title}
        </a>
      </h3>
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
