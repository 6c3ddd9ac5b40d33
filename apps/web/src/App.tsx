import { useEffect, useRef } from 'preact/hooks';
import { AttemptPage } from './pages/AttemptPage';
import { Catalogue } from './pages/Catalogue';
import { ExamPage } from './pages/ExamPage';
import { GuidePage } from './pages/GuidePage';
import { GuidesPage } from './pages/GuidesPage';
import { NotFound } from './pages/NotFound';
import { ResultsPage } from './pages/ResultsPage';
import { type Route, useLocation } from './router';

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'home':
      return <Catalogue />;
    case 'guides':
      return <GuidesPage />;
    case 'exam':
      return <ExamPage examId={route.examId} key={route.examId} />;
    case 'guide':
      return <GuidePage slug={route.slug} key={route.slug} />;
    case 'attempt':
      return <AttemptPage attemptId={route.attemptId} key={route.attemptId} />;
    case 'results':
      return <ResultsPage attemptId={route.attemptId} key={route.attemptId} />;
    default:
      return <NotFound />;
  }
}

export function App() {
  const { route, path } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // On client-side navigation, move focus to the new page (screen readers announce it) and scroll up.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) window.scrollTo(0, 0);
    mainRef.current?.focus({ preventScroll: true });
  }, [path]);

  const section = route.name === 'guide' || route.name === 'guides' ? 'guides' : 'exams';
  const focusMode = route.name === 'attempt';

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class={`site-header ${focusMode ? 'is-compact' : ''}`}>
        <div class="wrap header-inner">
          <a href="/" class="brand">
            <svg viewBox="0 0 32 32" width="24" height="24" aria-hidden="true">
              <rect width="32" height="32" rx="6" fill="currentColor" />
              <path
                d="M9 17l5 5 9-11"
                fill="none"
                stroke="#fff"
                stroke-width="3.5"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span>examdown</span>
          </a>
          <nav aria-label="Main">
            <ul class="nav-list">
              <li>
                <a
                  href="/"
                  class={section === 'exams' ? 'is-active' : undefined}
                  aria-current={route.name === 'home' ? 'page' : undefined}
                >
                  Exams
                </a>
              </li>
              <li>
                <a
                  href="/guides"
                  class={section === 'guides' ? 'is-active' : undefined}
                  aria-current={route.name === 'guides' ? 'page' : undefined}
                >
                  Guides
                </a>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <Page route={route} />
      </main>
      {!focusMode && (
        <footer class="site-footer">
          <div class="wrap">
            <p>
              examdown — open-source certification prep. Practice questions are original and not affiliated
              with any exam vendor.
            </p>
          </div>
        </footer>
      )}
    </>
  );
}
