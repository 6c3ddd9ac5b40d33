import { render } from 'preact';
import { App } from './App';
import { installLinkInterceptor } from './router';
import './styles.css';

installLinkInterceptor();
const root = document.getElementById('app');
if (root) render(<App />, root);
