import { api } from '../api';
import { AsyncPage } from '../components/AsyncPage';
import { Blueprint } from '../components/BlueprintTable';
import { ExamActions } from '../components/ExamActions';
import { ExamFacts } from '../components/ExamFacts';
import { ExamResume } from '../components/ResumeBanners';
import type { ExamWithBank } from '../components/StartAttempt';
import { useAsync, useTitle } from '../hooks';
import { preloaded } from '../preload';
import { ExamProgressPanel } from '../progress/ExamProgressPanel';
import { titles } from '../titles';
import './ExamPage.css';

export function ExamPage({ examId }: { examId: string }) {
  const exam = useAsync(() => api.exam(examId), [examId], preloaded().exam?.[examId]);
  useTitle(exam.status === 'ok' ? titles.exam(exam.data.title) : 'Exam');
  return (
    <AsyncPage state={exam} loading="Loading exam…">
      {(data) => <ExamDetail exam={data} />}
    </AsyncPage>
  );
}

function ExamDetail({ exam }: { exam: ExamWithBank }) {
  const index = useAsync(() => api.guides(), [], preloaded().guides);
  const guideTitle = new Map((index.data ?? []).map((g) => [g.slug, g.title]));

  return (
    <div class="wrap page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/exams">Exams</a> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{exam.title}</span>
      </nav>
      <header class="page-head">
        <p class="eyebrow">
          {exam.vendor}
          {exam.level ? ` · ${exam.level}` : ''}
        </p>
        <h1>{exam.title}</h1>
        {exam.summary && <p class="lead">{exam.summary}</p>}
      </header>

      <div class="client-slot">
        <ExamResume examId={exam.id} />
      </div>

      <div class="exam-layout">
        <aside class="exam-side" aria-label="Practice">
          <ExamActions exam={exam} />
        </aside>
        <div class="exam-main">
          <ExamFacts exam={exam} />
          <Blueprint exam={exam} />
          <div class="progress-slot">
            <ExamProgressPanel exam={exam} />
          </div>

          {exam.descriptionHtml && (
            <section aria-labelledby="about-title">
              <h2 id="about-title">About this exam</h2>
              <div class="prose" dangerouslySetInnerHTML={{ __html: exam.descriptionHtml }} />
            </section>
          )}

          {exam.guides.length > 0 && (
            <section aria-labelledby="exam-guides-title">
              <h2 id="exam-guides-title">Guides for this exam</h2>
              <ul class="link-list">
                {exam.guides.map((g) => (
                  <li key={g}>
                    <a href={`/guides/${g}`}>{guideTitle.get(g) ?? humanize(g)}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

function humanize(slug: string): string {
  const s = slug.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
