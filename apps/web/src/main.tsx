import './styles/index.css';
import { render } from 'preact';
import { App } from './App';
import { installAnchorLinks } from './anchors';

// The app: the client-only pages (attempts, results) start from the empty shell the Worker serves
// for them (app-shell.html), and any page reached from there renders inside it. Prerendered pages
// do not load it: they hydrate their own islands (islands.tsx).
installAnchorLinks();
const root = document.getElementById('app');
if (root) render(<App />, root);
