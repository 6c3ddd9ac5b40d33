import './styles/index.css';
import { render } from 'preact';
import { App } from './App';
import { installAnchorLinks } from './anchors';

installAnchorLinks();
const root = document.getElementById('app');
if (root) render(<App />, root);
