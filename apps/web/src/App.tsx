import { useEffect, useRef } from 'preact/hooks';
import { LocationProvider, lazy, Route, Router, useLocation } from 'preact-iso';
import { SiteFooter, SiteHeader } from './components/SiteChrome';
import './styles/columns.css';

type Params = { params: Record<string, string> };

// Every page is its own chunk, loaded when it is opened (a prerendered page preloads its own), so
// a page ships the shell and itself, not the exam runner.
const Catalogue = lazy(() => import('./pages/Catalogue').then((m) => m.Catalogue));
const ExamsPage = lazy(() => import('./pages/ExamsPage').then((m) => m.ExamsPage));
const ExamPage = lazy(() => import('./pages/ExamPage').then((m) => m.ExamPage));
const GuidesPage = lazy(() => import('./pages/GuidesPage').then((m) => m.GuidesPage));
const GuidePage = lazy(() => import('./pages/GuidePage').then((m) => m.GuidePage));
const AttemptPage = lazy(() => import('./pages/AttemptPage').then((m) => m.AttemptPage));
const ResultsPage = lazy(() => import('./pages/ResultsPage').then((m) => m.ResultsPage));
const AccountPage = lazy(() => import('./pages/AccountPage').then((m) => m.AccountPage));
const NotFound = lazy(() => import('./pages/NotFound').then((m) => m.NotFound));

// Keyed by their parameter so that moving from one exam (guide, attempt) to another starts the
// page afresh instead of carrying the previous one's form state over.
const Exam = ({ params }: Params) => <ExamPage examId={params.id ?? ''} key={params.id} />;
const Guide = ({ params }: Params) => <GuidePage slug={params.slug ?? ''} key={params.slug} />;
const Attempt = ({ params }: Params) => <AttemptPage attemptId={params.id ?? ''} key={params.id} />;
const Results = ({ params }: Params) => <ResultsPage attemptId={params.id ?? ''} key={params.id} />;

/** Links to /api/… are files (JSON), not pages: leave them to the browser. */
const PAGE_LINKS = /^(?!(?:[a-z][a-z\d+.-]*:\/\/[^/]*)?\/api(?:[/?#]|$))/i;

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function Shell() {
  const { path } = useLocation();
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

  // The runner is a focus mode: a compact header and no footer.
  const focusMode = /^\/attempts\/[^/]+$/.test(path);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader path={path} compact={focusMode} />
      <main id="main" tabIndex={-1} ref={mainRef}>
        {/* The router decodes parameters and would throw on a malformed %-escape. */}
        {isDecodable(path) ? (
          <Router>
            <Route path="/" component={Catalogue} />
            <Route path="/exams" component={ExamsPage} />
            <Route path="/guides" component={GuidesPage} />
            <Route path="/guides/:slug" component={Guide} />
            <Route path="/exams/:id" component={Exam} />
            <Route path="/attempts/:id" component={Attempt} />
            <Route path="/attempts/:id/results" component={Results} />
            <Route path="/account" component={AccountPage} />
            <Route default component={NotFound} />
          </Router>
        ) : (
          <NotFound />
        )}
      </main>
      {!focusMode && <SiteFooter />}
    </>
  );
}

export function App() {
  return (
    <LocationProvider scope={PAGE_LINKS}>
      <Shell />
    </LocationProvider>
  );
}
