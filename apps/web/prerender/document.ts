/**
 * Turns the client's built index.html (Vite's output: hashed script and stylesheet links) into
 * one page's document: its head metadata in place of the generic title and description, its
 * prerendered markup inside #app, and the data the client hydrates from. The template stays the
 * single source of the asset links, so a prerendered page loads exactly what the SPA loads.
 */

export interface PageDocument {
  /** The tags from head.ts (title, description, canonical, OG, JSON-LD …). */
  head: string[];
  /** The app's prerendered markup for #app. */
  body: string;
  /** Serialized into a JSON data block the client reads before hydrating. */
  data?: unknown;
  /** <html lang>, e.g. a guide's locale. */
  lang?: string;
  /** The page's module script (if any) and the chunks to preload (assets.ts); default: the template's. */
  scripts?: { script?: string; preload: string[] };
}

export const DATA_ELEMENT_ID = 'examdown-data';

/** JSON that cannot end the script element or break it in old parsers. */
export function serializeData(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function replaceOnce(html: string, pattern: RegExp, replacement: string, what: string): string {
  if (!pattern.test(html)) throw new Error(`index.html has no ${what}: the prerender needs it`);
  return html.replace(pattern, () => replacement);
}

export function renderDocument(template: string, page: PageDocument): string {
  let html = template;
  html = replaceOnce(html, /<title>[\s\S]*?<\/title>\s*/, '', '<title>');
  html = replaceOnce(html, /<meta name="description"[^>]*>\s*/, '', 'meta description');
  // The page works without JavaScript: the "needs JavaScript" notice is for the client-only shell.
  html = html.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  if (page.lang) html = html.replace(/<html lang="[^"]*"/, `<html lang="${page.lang}"`);
  let scripts: string[] = [];
  if (page.scripts) {
    // The template's entry script and its preloads are the app's; this page brings its own.
    html = replaceOnce(html, /\s*<script type="module"[^>]*><\/script>/, '', 'module script');
    html = html.replace(/\s*<link rel="modulepreload"[^>]*>/g, '');
    scripts = [
      ...(page.scripts.script
        ? [`<script type="module" crossorigin src="${page.scripts.script}"></script>`]
        : []),
      ...page.scripts.preload.map((href) => `<link rel="modulepreload" crossorigin href="${href}" />`),
    ];
  }
  const head = [...page.head, ...scripts].map((tag) => `    ${tag}\n`).join('');
  html = replaceOnce(html, /<\/head>/, `${head}  </head>`, '</head>');
  const data =
    page.data === undefined
      ? ''
      : `<script type="application/json" id="${DATA_ELEMENT_ID}">${serializeData(page.data)}</script>`;
  html = replaceOnce(
    html,
    /<div id="app"><\/div>/,
    `<div id="app">${page.body}</div>${data}`,
    '<div id="app"></div>',
  );
  return html;
}
