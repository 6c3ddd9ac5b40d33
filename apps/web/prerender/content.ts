/**
 * The public half of the compiled bundle (packages/content/bundle/public), validated with the
 * compiler's own schema: the prerendered pages, discovery files and Open Graph images are built
 * from exactly what the API serves. The private half (keys) is never read here.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Exam, type Guide, type GuideSummary, PublicBundle } from '@examdown/compiler/schema';

const require = createRequire(import.meta.url);

/** packages/content/bundle/public, resolved through the workspace. */
export function defaultBundleDir(): string {
  return path.dirname(require.resolve('@examdown/content/bundle/public/manifest.json'));
}

export function loadPublicBundle(dir = defaultBundleDir()): PublicBundle {
  const read = (file: string): unknown => {
    const full = path.join(dir, file);
    try {
      return JSON.parse(readFileSync(full, 'utf8'));
    } catch (err) {
      throw new Error(
        `cannot read ${full} (build the content first: npm run build -w @examdown/content): ${err}`,
      );
    }
  };
  return PublicBundle.parse({
    manifest: read('manifest.json'),
    exams: read('exams.json'),
    guides: read('guides.json'),
    questions: read('questions.json'),
  });
}

/**
 * Copies the files the content links to (bundle `public/assets/<hash>.<ext>`) to where the content
 * links them, /api/v1/assets/ (the compiler's ASSET_URL_PREFIX), among the static assets: the
 * Worker's GET /api/v1/assets/:name serves them from there, with their headers
 * (apps/api/src/routes/assets.ts). Returns how many.
 */
export function copyBundleAssets(dist: string, prefix: string, dir = defaultBundleDir()): number {
  const from = path.join(dir, 'assets');
  if (!existsSync(from)) return 0;
  cpSync(from, path.join(dist, ...prefix.split('/').filter(Boolean)), { recursive: true });
  return readdirSync(from).length;
}

/** The fields of a guide that lists show (the API's GuideSummary). */
export function guideSummary(g: Guide): GuideSummary {
  const { slug, title, description, vendor, exams, published, updated, tags, readingMinutes } = g;
  return { slug, title, description, vendor, exams, published, updated, tags, readingMinutes };
}

/** Questions in the bank per domain, as GET /exams/:id reports them. */
export function examBank(
  bundle: PublicBundle,
  exam: Exam,
): { total: number; byDomain: Record<string, number> } {
  const pools = bundle.manifest.questionsByExam[exam.id] ?? {};
  const byDomain: Record<string, number> = {};
  let total = 0;
  for (const d of exam.domains) {
    const n = pools[d.id]?.length ?? 0;
    byDomain[d.id] = n;
    total += n;
  }
  return { total, byDomain };
}

/** The date a guide last changed. */
export const guideDate = (g: Pick<Guide, 'published' | 'updated'>): string => g.updated ?? g.published;

/** Plain text of a short HTML fragment (bundle HTML is sanitized): for descriptions. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** At most `max` characters, cut at a word boundary, for meta descriptions. */
export function clip(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}
