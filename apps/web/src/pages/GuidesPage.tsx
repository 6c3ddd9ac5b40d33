import { api } from '../api';
import { CardGrid } from '../components/CardGrid';
import { GuideCard } from '../components/Cards';
import { useAsync, useTitle } from '../hooks';

export function GuidesPage() {
  useTitle('Guides');
  const guides = useAsync(() => api.guides(), []);
  return (
    <div class="wrap page">
      <h1>Guides</h1>
      <p class="lead">Exam overviews, study plans and domain-by-domain explanations.</p>
      <CardGrid
        list={guides}
        loadingLabel="Loading guides…"
        emptyText="No guides are published yet."
        card={(g) => <GuideCard guide={g} key={g.slug} />}
      />
    </div>
  );
}
