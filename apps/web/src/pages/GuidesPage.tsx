import { api } from '../api';
import { GuideCard } from '../components/Cards';
import { Empty, ErrorState, Loading } from '../components/ui';
import { useAsync, useTitle } from '../hooks';

export function GuidesPage() {
  useTitle('Guides');
  const guides = useAsync(() => api.guides(), []);
  return (
    <div class="wrap page">
      <h1>Guides</h1>
      <p class="lead">Exam overviews, study plans and domain-by-domain explanations.</p>
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
    </div>
  );
}
