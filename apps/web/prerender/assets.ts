/**
 * Which scripts a prerendered page loads, from Vite's build manifest: the islands script of its
 * kind (src/islands.tsx: home, exam and guide pages) with every chunk it imports preloaded, or
 * none at all — the lists and the not-found page have nothing to hydrate.
 */
import { readFileSync } from 'node:fs';
import type { PageKind } from './pages.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
export type ViteManifest = Record<string, ManifestChunk>;

export interface PageScripts {
  /** The module script's path, e.g. /assets/guide-1a2b.js; none for a page without islands. */
  script?: string;
  /** Every chunk it statically imports: <link rel="modulepreload">. */
  preload: string[];
}

/** Each page kind's islands entry (vite.config.ts `input`). */
const ENTRY: Partial<Record<PageKind, string>> = {
  home: 'src/home-islands.tsx',
  exam: 'src/exam-islands.tsx',
  guide: 'src/guide-islands.tsx',
};

export function readManifest(file: string): ViteManifest {
  return JSON.parse(readFileSync(file, 'utf8')) as ViteManifest;
}

/** A chunk and everything it imports statically, depth first, each once. */
function closure(manifest: ViteManifest, key: string, seen = new Set<string>()): string[] {
  if (seen.has(key)) return [];
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`the build manifest has no chunk '${key}'`);
  return [chunk.file, ...(chunk.imports ?? []).flatMap((k) => closure(manifest, k, seen))];
}

export function pageScripts(manifest: ViteManifest, kind: PageKind): PageScripts {
  const entry = ENTRY[kind];
  if (!entry) return { preload: [] };
  const [script, ...imports] = closure(manifest, entry);
  if (!script) throw new Error(`the build manifest has no file for '${entry}'`);
  return { script: `/${script}`, preload: imports.map((f) => `/${f}`) };
}
