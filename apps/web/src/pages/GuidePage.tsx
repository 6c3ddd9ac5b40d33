import { hydrate, render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { scrollToHash } from '../anchors';
import { api } from '../api';
import { AsyncPage } from '../components/AsyncPage';
import { TryIt } from '../components/TryIt';
import { formatDate } from '../components/ui';
import { watchCurrentSection } from '../current-section';
import { useAsync, useTitle } from '../hooks';
import type { Guide, GuideSummary } from '../model';
import { preloaded } from '../preload';
import { titles } from '../titles';
import './GuidePage.css';

export function GuidePage({ slug }: { slug: string }) {
  const guide = useAsync(() => api.guide(slug), [slug], preloaded().guide?.[slug]);
  const index = useAsync(() => api.guides(), [], preloaded().guides);
  useTitle(guide.status === 'ok' ? titles.guide(guide.data.title) : 'Guide');
  return (
    <AsyncPage state={guide} loading="Loading guide…">
      {(data) => <GuideReader guide={data} index={index.status === 'ok' ? index.data : []} />}
    </AsyncPage>
  );
}

function GuideReader({ guide, index }: { guide: Guide; index: GuideSummary[] }) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const bySlug = new Map(index.map((g) => [g.slug, g]));
  const related = guide.related.map((s) => bySlug.get(s)).filter((g): g is GuideSummary => !!g);

  // Fill the compiler's question placeholders with live, answerable questions.
  useEffect(() => {
    const body = bodyRef.current;
    if (!body) return;
    const slots = Array.from(body.querySelectorAll<HTMLElement>('.examdown-question[data-question-id]'));
    slots.forEach((el, i) => {
      const id = el.dataset.questionId;
      // A prerendered slot already holds the question's markup: hydrate it rather than redraw it.
      if (id) (el.firstElementChild ? hydrate : render)(<TryIt questionId={id} index={i} />, el);
    });
    if (location.hash) scrollToHash(location.hash);
    return () => {
      for (const el of slots) render(null, el);
    };
  }, [guide.html]);

  const toc = guide.toc.filter((t) => t.depth <= 3);
  const current = useCurrentSection(toc.map((t) => t.id));

  return (
    <div class="wrap page guide-page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/guides">Guides</a> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">{guide.title}</span>
      </nav>
      <div class="guide-layout">
        <article class="guide" aria-labelledby="guide-title">
          <header class="page-head">
            {guide.vendor && <p class="eyebrow">{guide.vendor}</p>}
            <h1 id="guide-title">{guide.title}</h1>
            {guide.description && <p class="lead">{guide.description}</p>}
            <p class="meta">
              By {guide.authors.join(', ')} · {guide.readingMinutes} min read · published{' '}
              <time dateTime={guide.published}>{formatDate(guide.published)}</time>
              {guide.updated && (
                <>
                  {' '}
                  · updated <time dateTime={guide.updated}>{formatDate(guide.updated)}</time>
                </>
              )}
            </p>
            {guide.exams.length > 0 && (
              <p class="guide-exams">
                {guide.exams.map((e) => (
                  <a key={e} href={`/exams/${e}`} class="btn btn-small">
                    Exam blueprint &amp; practice
                  </a>
                ))}
              </p>
            )}
          </header>
          {toc.length > 0 && (
            <details class="toc toc-inline">
              <summary>On this page</summary>
              <TocList toc={toc} />
            </details>
          )}
          <div
            class="prose guide-body"
            ref={bodyRef}
            // Sanitized by the compiler (rehype-sanitize) before it enters the bundle.
            dangerouslySetInnerHTML={{ __html: guide.html }}
          />
          {related.length > 0 && (
            <section class="related" aria-labelledby="related-title">
              <h2 id="related-title">Related guides</h2>
              <ul class="link-list">
                {related.map((g) => (
                  <li key={g.slug}>
                    <a href={`/guides/${g.slug}`}>{g.title}</a>
                    {g.description && <p class="muted">{g.description}</p>}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </article>
        {toc.length > 0 && (
          <nav class="toc toc-side" aria-label="On this page">
            <p class="toc-title">On this page</p>
            <TocList toc={toc} current={current} />
          </nav>
        )}
      </div>
    </div>
  );
}

function TocList({ toc, current }: { toc: Guide['toc']; current?: string }) {
  return (
    <ol class="toc-list">
      {toc.map((t) => (
        <li key={t.id} class={`toc-d${t.depth}`}>
          <a href={`#${t.id}`} aria-current={t.id === current ? 'location' : undefined}>
            {t.text}
          </a>
        </li>
      ))}
    </ol>
  );
}

/** The id of the last heading scrolled past the top of the viewport (for the side TOC). */
function useCurrentSection(ids: string[]): string | undefined {
  const [current, setCurrent] = useState<string>();
  const key = ids.join(' ');
  useEffect(() => watchCurrentSection(ids, setCurrent), [key]);
  return current;
}
