/**
 * What a file's per-file phase needs from *other* files, computed before that phase and passed
 * in with the file (so the phase stays a pure function of its inputs, cached and run in workers):
 *
 * - for bank files, the settings exams give their banks — the domain of a one-domain exam,
 *   `bankDomains` (bank file → domain), `unusableQuestions` — read from the exams' frontmatter;
 * - for every file, the bundle names (`<sha256-16>.<ext>`) of the local assets it may reference
 *   (those whose file name occurs in its text).
 *
 * The context is canonical JSON and part of the file's cache key: editing an exam's settings or
 * an image recompiles exactly the files that see the change.
 */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { canonicalJson } from '../bundle/canonical.js';
import type { SourceFile } from './load.js';

export interface ExamBankSettings {
  /** The exam's only domain: the default for bank questions without one. */
  domain?: string;
  /** Bank file (relative to questions/<exam>/) → domain. */
  bankDomains?: Record<string, string>;
  /** `unusableQuestions: warn` in the exam. */
  unusable?: 'warn';
}

export interface FileContext {
  exams?: Record<string, ExamBankSettings>;
  /** Content-relative asset path → bundle asset name; absent: local links are not resolved. */
  assets?: Record<string, string>;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/;

/** The bank settings of every exam that has some (unreadable frontmatter: none; its own compile reports it). */
export function examBankSettings(sources: readonly SourceFile[]): Record<string, ExamBankSettings> {
  const out: Record<string, ExamBankSettings> = {};
  for (const source of sources) {
    if (!source.path.startsWith('exams/') || !source.path.endsWith('.md')) continue;
    const yaml = FRONTMATTER.exec(source.text)?.[1];
    if (yaml === undefined) continue;
    let data: unknown;
    try {
      data = parseYaml(yaml);
    } catch {
      continue;
    }
    if (typeof data !== 'object' || data === null) continue;
    const d = data as { id?: unknown; domains?: unknown; bankDomains?: unknown; unusableQuestions?: unknown };
    const id = typeof d.id === 'string' ? d.id : (source.path.split('/').at(-1) ?? '').replace(/\.md$/, '');
    const settings: ExamBankSettings = {};
    if (Array.isArray(d.domains) && d.domains.length === 1) {
      const only = (d.domains[0] as { id?: unknown } | null)?.id;
      if (typeof only === 'string') settings.domain = only;
    }
    if (typeof d.bankDomains === 'object' && d.bankDomains !== null && !Array.isArray(d.bankDomains)) {
      const entries = Object.entries(d.bankDomains).filter(
        (e): e is [string, string] => typeof e[1] === 'string',
      );
      if (entries.length > 0) settings.bankDomains = Object.fromEntries(entries);
    }
    if (d.unusableQuestions === 'warn') settings.unusable = 'warn';
    if (Object.keys(settings).length > 0) out[id] = settings;
  }
  return out;
}

/** The context of `source` as canonical JSON, or '' when it has none. */
export function contextOf(
  source: SourceFile,
  exams: Record<string, ExamBankSettings>,
  /** Asset path → name; undefined: assets are not resolved (in-memory sources without files). */
  assets: ReadonlyMap<string, string> | undefined,
): string {
  const context: FileContext = {};
  if (source.path.startsWith('questions/') && Object.keys(exams).length > 0) context.exams = exams;
  if (assets && source.text.includes('](')) {
    const mine: Record<string, string> = {};
    for (const [rel, name] of assets) {
      const base = rel.split('/').at(-1) as string;
      if (source.text.includes(base)) mine[rel] = name;
    }
    context.assets = mine;
  }
  return Object.keys(context).length > 0 ? canonicalJson(context) : '';
}

export function parseContext(text: string | undefined): FileContext {
  if (!text) return {};
  try {
    return JSON.parse(text) as FileContext;
  } catch {
    return {};
  }
}

/** The cache key of a file with a context: its bytes' key and the context, hashed together. */
export function keyWithContext(key: string, context: string): string {
  return context ? createHash('sha256').update(key).update('\0').update(context).digest('hex') : key;
}

/**
 * The sources with their contexts set, and their cache keys extended by them. `assets`
 * undefined: local links are not resolved (in-memory sources with no files behind them).
 */
export function applyContexts(
  sources: readonly SourceFile[],
  keys: ReadonlyMap<string, string>,
  assets: ReadonlyArray<{ path: string; name: string }> | undefined,
): { sources: SourceFile[]; keys: Map<string, string> } {
  const exams = examBankSettings(sources);
  const assetNames = assets ? new Map(assets.map((a) => [a.path, a.name])) : undefined;
  const out = new Map(keys);
  const withContext = sources.map((source) => {
    const context = contextOf(source, exams, assetNames);
    if (!context) return source;
    const key = keys.get(source.path);
    if (key !== undefined) out.set(source.path, keyWithContext(key, context));
    return { ...source, context };
  });
  return { sources: withContext, keys: out };
}
