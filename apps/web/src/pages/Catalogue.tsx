import { api } from '../api';
import { ExamGrid, GuideGrid } from '../components/CardGrid';
import { HomeResume } from '../components/ResumeBanners';
import { useAsync, useTitle } from '../hooks';
import { preloaded } from '../preload';
import { HomeProgress } from '../progress/HomeProgress';
import './Catalogue.css';

export function Catalogue() {
  useTitle(undefined);
  const exams = useAsync(() => api.exams(), [], preloaded().exams);
  const guides = useAsync(() => api.guides(), [], preloaded().guides);

  return (
    <div class="wrap page">
      <section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">Prepare for your certification</h1>
        <p class="lead">
          Read exam guides written by practitioners, try questions as you go, and take timed practice exams
          that follow the real blueprint — then see exactly which domain to study next.
        </p>
      </section>

      <div class="client-slot">
        <HomeResume />
      </div>
      <div class="progress-slot">
        <HomeProgress />
      </div>

      <section aria-labelledby="exams-title">
        <h2 id="exams-title">Exams</h2>
        <ExamGrid list={exams} />
      </section>
      <section aria-labelledby="guides-title">
        <h2 id="guides-title">Guides</h2>
        <GuideGrid list={guides} />
      </section>
    </div>
  );
}
