/** Test helpers: fixture trees as in-memory sources, and temp dirs for CLI runs. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../index.js';

export const FIXTURES = path.dirname(fileURLToPath(import.meta.url));
export const SAMPLE_DIR = path.join(FIXTURES, 'sample');
export const RULES_DIR = path.join(FIXTURES, 'rules');
export const CLI = path.resolve(FIXTURES, '../../dist/cli/main.js');

/** Every file under `dir` as content-relative path → text. */
export function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (current: string, rel: string) => {
    for (const name of readdirSync(current).sort()) {
      const full = path.join(current, name);
      const childRel = rel ? `${rel}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, childRel);
      else out.set(childRel, readFileSync(full, 'utf8'));
    }
  };
  walk(dir, '');
  return out;
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
