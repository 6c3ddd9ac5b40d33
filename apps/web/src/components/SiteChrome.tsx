/** The header (brand and main navigation) and footer around every page. */
import './SiteChrome.css';

function NavLink({
  href,
  active,
  current,
  label,
}: {
  href: string;
  active: boolean;
  current: boolean;
  label: string;
}) {
  return (
    <li>
      <a href={href} class={active ? 'is-active' : undefined} aria-current={current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
}

export function SiteHeader({ path, compact }: { path: string; compact: boolean }) {
  // Guides and their pages light up "Guides"; everything else belongs to the exams.
  const inGuides = /^\/guides(\/[^/]+)?$/.test(path);

  return (
    <header class={`site-header ${compact ? 'is-compact' : ''}`}>
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
            <NavLink
              href="/exams"
              label="Exams"
              active={!inGuides && path !== '/account'}
              current={path === '/exams'}
            />
            <NavLink href="/guides" label="Guides" active={inGuides} current={path === '/guides'} />
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          examdown — open-source certification prep. Practice questions are original and not affiliated with
          any exam vendor.
        </p>
        <p>
          <a href="/account">Your data</a>: keep your progress on other devices with a passkey, export it or
          delete it.
        </p>
      </div>
    </footer>
  );
}
