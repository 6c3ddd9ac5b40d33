import { useTitle } from '../hooks';
import { titles } from '../titles';

export function NotFound() {
  useTitle(titles.notFound);
  return (
    <div class="wrap page">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <a href="/" class="btn btn-primary">
          Browse exams
        </a>{' '}
        <a href="/guides" class="btn btn-ghost">
          Read the guides
        </a>
      </p>
    </div>
  );
}
