import { api } from '../api';
import { AsyncPage } from '../components/AsyncPage';
import { Blueprint } from '../components/BlueprintTable';
import { ExamFacts } from '../components/ExamFacts';
import { type ExamWithBank, PracticeForm, StartExam } from '../components/StartAttempt';
import { useAsync, useTitle } from '../hooks';
import { openAttempts, pastAttempts } from '../storage';
import './ExamPage.css';

export function ExamPage({ examId }: { examId: string }) {
  const exam = useAsync(() => api.exam(examId), [examId]);
  useTitle(exam.status === 'ok' ? exam.data.title : 'Exam');
  return (
    <AsyncPage state={exam} loading="Loading exam…">
      {(data) => <ExamDetail exam={data} />}
    </AsyncPage>
  );
}

function ExamDetail({ exam }: { exam: ExamWithBank }) {
  const open = openAttempts(exam.id);
  const past = pastAttempts(exam.id).slice(0, 5);
  const index = useAsync(() => api.guides(), []);
  const guideTitle = new Map((index.data ?? []).map((g) => [g.slug, g.title]));

  return (
    <div class="wrap page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/">Exams</a> <span aria-hidden="true">/</span> <span aria-current="page">{exam.title}</span>
      </nav>
      <header class="page-head">
        <p class="eyebrow">
          {exam.vendor}
          {exam.level ? ` · ${exam.level}` : ''}
        </p>
        <h1>{exam.title}</h1>
        {exam.summary && <p class="lead">{exam.summary}</p>}
      </header>

      {open.length > 0 && (
        <div class="resume-banner" role="note">
          <p>
            You have an unfinished {open[0]?.mode === 'exam' ? 'timed exam' : 'practice session'}.{' '}
            <a href={`/attempts/${open[0]?.id}`} class="btn btn-primary btn-small">
              Resume
            </a>
          </p>
        </div>
      )}

      <div class="exam-layout">
        <aside class="exam-side" aria-label="Practice">
          <StartExam exam={exam} />
          <PracticeForm exam={exam} />
          {past.length > 0 && (
            <section class="panel" aria-labelledby="past-title">
              <h2 id="past-title">Your results</h2>
              <ul class="link-list">
                {past.map((a) => (
                  <li key={a.id}>
                    <a href={`/attempts/${a.id}/results`}>
                      {a.mode === 'exam' ? 'Timed exam' : 'Practice'} ·{' '}
                      {new Date(a.startedAt).toLocaleString('en', {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
        <div class="exam-main">
          <ExamFacts exam={exam} />
          <Blueprint exam={exam} />

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
