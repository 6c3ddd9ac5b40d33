import { api } from '../api';
import { GuideGrid } from '../components/CardGrid';
import { useAsync, useTitle } from '../hooks';
import { preloaded } from '../preload';
import { titles } from '../titles';

export function GuidesPage() {
  useTitle(titles.guides);
  const guides = useAsync(() => api.guides(), [], preloaded().guides);
  return (
    <div class="wrap page">
      <h1>Guides</h1>
      <p class="lead">Exam overviews, study plans and domain-by-domain explanations.</p>
      <GuideGrid list={guides} level={2} />
    </div>
  );
}
