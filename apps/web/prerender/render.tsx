/**
 * The server-side entry of the prerender, built by `vite build --ssr` (it needs the app's JSX and
 * its module graph): renders one URL of the app to HTML from a page's data, exactly as the
 * client's first render will, so the client hydrates it instead of redrawing it.
 */
import prerender, { locationStub } from 'preact-iso/prerender';
import { renderToString } from 'preact-render-to-string';
import { App } from '../src/App';
import { TryIt } from '../src/components/TryIt';
import { type PreloadData, setPreloaded } from '../src/preload';

/** The compiler's placeholder for a question embedded in a guide (see the Guide schema). */
const QUESTION_SLOT = /<div class="examdown-question" data-question-id="([^"]+)"><\/div>/g;

/**
 * A guide's HTML with each embedded question drawn in place (stem, options, the check button)
 * and a note for readers without JavaScript; the client hydrates each slot where it stands.
 */
function withQuestions(html: string): string {
  let index = 0;
  return html.replace(QUESTION_SLOT, (slot, id: string) => {
    const question = renderToString(<TryIt questionId={id} index={index++} />);
    const note = '<noscript><p class="try-it-note">Turn on JavaScript to check your answer.</p></noscript>';
    return slot.replace('></div>', `>${question}${note}</div>`);
  });
}

export async function renderPage(url: string, data: PreloadData): Promise<string> {
  setPreloaded(data);
  const guide = Object.fromEntries(
    Object.entries(data.guide ?? {}).map(([slug, g]) => [slug, { ...g, html: withQuestions(g.html) }]),
  );
  setPreloaded({ ...data, guide });
  locationStub(url);
  const { html } = await prerender(<App />);
  return html;
}
