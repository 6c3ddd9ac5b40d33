/**
 * The preview client, injected into every HTML page `npm run dev` serves. It listens to the dev
 * server's events (Server-Sent Events, same origin) and:
 * - `problems`: shows an overlay with each error (file:line:col, message, [rule-id], code frame);
 *   the page underneath keeps the last good content;
 * - `content`: removes the overlay and dispatches a cancelable `examdown:content` event on window;
 *   unless a page handles it (preventDefault), the page reloads and keeps its scroll position.
 * Plain ES2020 in a string: it is served as is, not bundled with the web client.
 */
export const CLIENT_PATH = '/__examdown/preview.js';
export const EVENTS_PATH = '/__examdown/events';
export const STYLE_PATH = '/__examdown/preview.css';

/** A stylesheet, not a <style>: the site's CSP allows styles from 'self' only. */
export const PREVIEW_STYLE = `:host{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,24,.72);overflow:auto;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace}
.box{max-width:960px;margin:48px auto;background:#1e1e24;color:#eee;border-top:6px solid #e5484d;border-radius:8px;padding:20px 24px;box-shadow:0 8px 32px #0008}
h2{font:600 16px system-ui,sans-serif;margin:0 0 12px;color:#ff8b8b}
.d{margin:14px 0}.where{color:#9cdcfe}.rule{color:#aaa}.w{color:#f5c451}
pre{background:#111;padding:10px;border-radius:6px;overflow:auto;margin:6px 0 0;white-space:pre}
button{float:right;background:none;border:1px solid #666;color:#ddd;border-radius:4px;cursor:pointer}
p.note{font:13px system-ui,sans-serif;color:#bbb}
`;

export const PREVIEW_CLIENT = `(() => {
  const SCROLL = 'examdown:preview-scroll';
  const saved = sessionStorage.getItem(SCROLL);
  if (saved) {
    sessionStorage.removeItem(SCROLL);
    const y = Number(saved);
    addEventListener('load', () => scrollTo(0, y));
  }
  let current = null;
  const render = (problems) => {
    remove();
    const host = document.createElement('examdown-preview-overlay');
    host.id = 'examdown-preview-overlay';
    host.setAttribute('role', 'alert');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = ${JSON.stringify(STYLE_PATH)};
    const box = document.createElement('div');
    box.className = 'box';
    const close = document.createElement('button');
    close.textContent = 'Dismiss';
    close.addEventListener('click', remove);
    const title = document.createElement('h2');
    const errors = problems.filter((p) => p.severity === 'error').length;
    title.textContent = 'examdown: ' + errors + ' error' + (errors === 1 ? '' : 's') + ' in the content';
    box.append(close, title);
    for (const p of problems) {
      const d = document.createElement('div');
      d.className = 'd';
      const where = document.createElement('div');
      const place = [p.file, p.line, p.line === undefined ? undefined : p.column].filter((x) => x !== undefined).join(':');
      const span = (cls, text) => {
        const el = document.createElement('span');
        el.className = cls;
        el.textContent = text;
        return el;
      };
      where.append(span('where', place), ': ', span(p.severity === 'error' ? 'e' : 'w', p.severity), ': ');
      where.append(span('msg', p.message), ' ', span('rule', '[' + p.rule + ']'));
      d.append(where);
      if (p.frame) {
        const pre = document.createElement('pre');
        pre.textContent = p.frame;
        d.append(pre);
      }
      box.append(d);
    }
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = 'The page shows the last content that compiled. Fix the file and save: this overlay goes away.';
    box.append(note);
    root.append(style, box);
    document.documentElement.append(host);
    current = host;
  };
  const remove = () => {
    if (current) current.remove();
    current = null;
    const stray = document.getElementById('examdown-preview-overlay');
    if (stray) stray.remove();
  };
  let hash = null;
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener('problems', (e) => render(JSON.parse(e.data).problems));
  events.addEventListener('content', (e) => {
    const data = JSON.parse(e.data);
    remove();
    const first = hash === null;
    const changed = hash !== data.hash;
    hash = data.hash;
    if (first || !changed) return;
    const ev = new CustomEvent('examdown:content', { cancelable: true, detail: data });
    if (dispatchEvent(ev)) {
      sessionStorage.setItem(SCROLL, String(scrollY));
      location.reload();
    }
  });
})();
`;
