import { api } from '../api';
import { ExamGrid } from '../components/CardGrid';
import { useAsync, useTitle } from '../hooks';
import { preloaded } from '../preload';
import { titles } from '../titles';

export function ExamsPage() {
  useTitle(titles.exams);
  const exams = useAsync(() => api.exams(), [], preloaded().exams);
  return (
    <div class="wrap page">
      <h1>{titles.exams}</h1>
      <p class="lead">
        Each exam's blueprint — question count, duration, passing score and weighted domains — and a timed
        practice exam that follows it.
      </p>
      <ExamGrid list={exams} level={2} />
    </div>
  );
}
