import { api } from '../api';
import { CardGrid, GuideGrid } from '../components/CardGrid';
import { ExamCard } from '../components/Cards';
import { useAsync, useTitle } from '../hooks';
import { openAttempts } from '../storage';
import './Catalogue.css';

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
        <CardGrid
          list={exams}
          loadingLabel="Loading exams…"
          emptyText="No exams are published yet."
          card={(e) => <ExamCard exam={e} key={e.id} />}
        />
      </section>
      <section aria-labelledby="guides-title">
        <h2 id="guides-title">Guides</h2>
        <GuideGrid list={guides} />
      </section>
    </div>
  );
}
