/**
 * The prerender, run after the client and server builds (`npm run build`): every public page to
 * static HTML in dist/ (home, exam list and each exam, guide list and each guide, 404.html), the
 * client-only shell for attempt pages, sitemap.xml, robots.txt, feed.xml and the Open Graph
 * images. Workers Static Assets serves them as they are.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSET_URL_PREFIX } from '@examdown/compiler';
import type { PreloadData } from '../src/preload.ts';
import { pageScripts, readManifest } from './assets.ts';
import { copyBundleAssets, loadPublicBundle } from './content.ts';
import { clientData, pageData } from './data.ts';
import { writeDiscoveryFiles, writeOgImages } from './discovery.ts';
import { renderDocument } from './document.ts';
import { headTags } from './head.ts';
import { NOT_FOUND_PAGE, type PublicPage, publicPages } from './pages.ts';
import { resolveSite } from './site.ts';

const WEB_DIR = path.resolve(import.meta.dirname, '..');
const DIST = path.join(WEB_DIR, 'dist');
const SSR_DIR = path.join(WEB_DIR, 'node_modules/.cache/examdown-ssr');
/** The client-only pages' document (attempts, results): the Worker answers /attempts/* with it. */
const APP_SHELL = 'app-shell.html';

/** Where a page's file goes: /exams → exams.html, so Workers Static Assets serves it at /exams. */
function pageFile(page: PublicPage): string {
  if (page.kind === 'not-found') return '404.html';
  if (page.path === '/') return 'index.html';
  return `${page.path.slice(1)}.html`;
}

type RenderPage = (url: string, data: PreloadData) => Promise<string>;

async function main(): Promise<void> {
  const started = performance.now();
  const site = resolveSite();
  const bundle = loadPublicBundle();
  const pages = publicPages(bundle);
  const template = await readFile(path.join(DIST, 'index.html'), 'utf8');
  // Vite's manifest says which chunks each page needs; it is not a file to serve.
  const manifest = readManifest(path.join(DIST, 'manifest.json'));
  await rm(path.join(DIST, 'manifest.json'));
  const { renderPage } = (await import(pathToFileURL(path.join(SSR_DIR, 'render.js')).href)) as {
    renderPage: RenderPage;
  };

  const shell = template.replace('</head>', '  <meta name="robots" content="noindex" />\n  </head>');
  await writeFile(path.join(DIST, APP_SHELL), shell);

  for (const page of [...pages, NOT_FOUND_PAGE]) {
    const data = pageData(page, bundle);
    const body = await renderPage(page.path, data);
    const html = renderDocument(template, {
      head: headTags(site, page, bundle),
      body,
      data: clientData(data),
      lang: page.guide?.locale,
      scripts: pageScripts(manifest, page.kind),
    });
    const file = path.join(DIST, pageFile(page));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  await writeDiscoveryFiles(DIST, site, bundle, pages);
  const images = await writeOgImages(DIST, pages);
  const files = copyBundleAssets(DIST, ASSET_URL_PREFIX);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `prerendered ${pages.length + 1} pages, ${images} Open Graph images, sitemap, robots, feed for ${site.origin}; ` +
      `${files} content files in ${seconds} s\n`,
  );
}

await main();
