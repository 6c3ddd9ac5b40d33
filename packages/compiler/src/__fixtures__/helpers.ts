/** Test helpers: fixture trees as in-memory sources, and temp dirs for CLI runs. */
import { cpSync, globSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../index.js';

export const FIXTURES = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLE_DIR = path.join(FIXTURES, 'sample');
export const RULES_DIR = path.join(FIXTURES, 'rules');
export const CLI = path.resolve(FIXTURES, '../../dist/cli/main.js');

/** Every file under `dir` as content-relative path → text, in path order. */
export function readTree(dir: string): Map<string, string> {
  const files = globSync('**/*', { cwd: dir, withFileTypes: true }).filter((entry) => entry.isFile());
  const rel = (entry: (typeof files)[number]) =>
    path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
  return new Map(
    files
      .map(rel)
      .sort()
      .map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]),
  );
}

export function toSources(tree: Map<string, string>): SourceFile[] {
  return [...tree].map(([p, text]) => ({ path: p, text }));
}

/** The sample content with a rule fixture laid over it (same path → replaced). */
export function sampleWith(rule: string): SourceFile[] {
  return toSources(new Map([...readTree(SAMPLE_DIR), ...readTree(path.join(RULES_DIR, rule))]));
}

export function sampleSources(): SourceFile[] {
  return toSources(readTree(SAMPLE_DIR));
}

/** A fresh copy of the sample content in a temp dir (the CLI writes next to it). */
export function tempSample(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'examdown-'));
  cpSync(SAMPLE_DIR, path.join(dir, 'content'), { recursive: true });
  return path.join(dir, 'content');
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'examdown-'));
}

/** Deterministic Fisher–Yates shuffle (tests must not flake). */
export function shuffled<T>(items: readonly T[], seed = 42): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
