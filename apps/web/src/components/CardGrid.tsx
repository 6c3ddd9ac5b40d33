import type { ComponentChildren } from 'preact';
import type { Reloadable } from '../hooks';
import type { ExamSummary, GuideSummary } from '../model';
import { type CardLevel, ExamCard, GuideCard } from './Cards';
import { Empty, ErrorState, Loading } from './ui';
import './CardGrid.css';

/**
 * A list loaded from the API, shown as a grid of cards: a loading line, an error with a retry,
 * a note when the list is empty, else one card per item (`card` renders an `<li>`).
 */
export function CardGrid<T>({
  list,
  loadingLabel,
  emptyText,
  card,
}: {
  list: Reloadable<T[]>;
  loadingLabel: string;
  emptyText: string;
  card: (item: T) => ComponentChildren;
}) {
  if (list.status === 'loading') return <Loading label={loadingLabel} />;
  if (list.status === 'error') return <ErrorState error={list.error} onRetry={list.reload} />;
  if (list.data.length === 0) return <Empty>{emptyText}</Empty>;
  return <ul class="card-grid">{list.data.map(card)}</ul>;
}

/** Exam cards: on the home page under its "Exams" heading, on /exams as the page's list (h2). */
export function ExamGrid({ list, level }: { list: Reloadable<ExamSummary[]>; level?: CardLevel }) {
  return (
    <CardGrid
      list={list}
      loadingLabel="Loading exams…"
      emptyText="No exams are published yet."
      card={(e) => <ExamCard exam={e} key={e.id} level={level} />}
    />
  );
}

export function GuideGrid({ list, level }: { list: Reloadable<GuideSummary[]>; level?: CardLevel }) {
  return (
    <CardGrid
      list={list}
      loadingLabel="Loading guides…"
      emptyText="No guides are published yet."
      card={(g) => <GuideCard guide={g} key={g.slug} level={level} />}
    />
  );
}
