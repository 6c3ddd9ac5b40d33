/** A prerendered guide's script (islands.tsx): its try-it questions and the contents highlight. */
import { TryIt } from './components/TryIt';
import { watchCurrentSection } from './current-section';
import { hydrateAll, startIslands } from './islands';

startIslands();
hydrateAll('.examdown-question[data-question-id]', (el, i) => (
  <TryIt questionId={el.dataset.questionId ?? ''} index={i} />
));

const links = Array.from(document.querySelectorAll<HTMLAnchorElement>('.toc-side a[href^="#"]'));
const ids = links.map((a) => decodeURIComponent(a.hash.slice(1)));
watchCurrentSection(ids, (current) => {
  links.forEach((a, i) => {
    if (ids[i] === current) a.setAttribute('aria-current', 'location');
    else a.removeAttribute('aria-current');
  });
});
