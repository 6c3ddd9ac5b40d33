import { api } from '../api';
import { GuideGrid } from '../components/CardGrid';
import { useAsync, useTitle } from '../hooks';

export function GuidesPage() {
  useTitle('Guides');
  const guides = useAsync(() => api.guides(), []);
  return (
    <div class="wrap page">
      <h1>Guides</h1>
      <p class="lead">Exam overviews, study plans and domain-by-domain explanations.</p>
      <GuideGrid list={guides} />
    </div>
  );
}
