import { api } from '../api';
import { ExamCard, GuideCard } from '../components/Cards';
import { Empty, ErrorState, Loading } from '../components/ui';
import { useAsync, useTitle } from '../hooks';
import { openAttempts } from '../storage';

export function Catalogue() {
  useTitle(undefined);
  const exams = useAsync(() => api.exams(), []);
  const guides = useAsync(() => api.guides(), []);
  const open = openAttempts();

  return (
    <div class="wrap page">
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Prepare for your certification</h1>
        <p class="lead">
          Read exam guides written by practitioners, try questions as you go, and take timed practice exams
          that follow the real blueprint — then see exactly which domain to study next.
        </p>
      </section>

      {open.length > 0 && (
        <section class="resume-banner" aria-labelledby="resume-title">
          <h2 id="resume-title">Pick up where you left off</h2>
          <ul>
            {open.map((a) => (
              <li key={a.id}>
                <a href={`/attempts/${a.id}`}>
                  Resume {a.mode === 'exam' ? 'timed exam' : 'practice'}: {a.examTitle ?? a.examId}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="exams-title">
        <h2 id="exams-title">Exams</h2>
        {exams.status === 'loading' && <Loading label="Loading exams…" />}
        {exams.status === 'error' && <ErrorState error={exams.error} onRetry={exams.reload} />}
        {exams.status === 'ok' &&
          (exams.data.length === 0 ? (
            <Empty>No exams are published yet.</Empty>
          ) : (
            <ul class="card-grid">
              {exams.data.map((e) => (
                <ExamCard exam={e} key={e.id} />
              ))}
            </ul>
          ))}
      </section>

      <section aria-labelledby="guides-title">
        <h2 id="guides-title">Guides</h2>
        {guides.status === 'loading' && <Loading label="Loading guides…" />}
        {guides.status === 'error' && <ErrorState error={guides.error} onRetry={guides.reload} />}
        {guides.status === 'ok' &&
          (guides.data.length === 0 ? (
            <Empty>No guides are published yet.</Empty>
          ) : (
            <ul class="card-grid">
              {guides.data.map((g) => (
                <GuideCard guide={g} key={g.slug} />
              ))}
            </ul>
          ))}
      </section>
    </div>
  );
}
