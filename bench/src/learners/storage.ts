/**
 * Bytes stored: every learner object's SQLite file in the local state (wrangler dev keeps one per
 * Durable Object under v3/do/<script>-Learner/), measured on a copy after folding its WAL in
 * (`PRAGMA wal_checkpoint(TRUNCATE)`): page_count × page_size, what the database occupies.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';

export interface StoredBytes {
  objects: number;
  attempts: number;
  bytes: number;
  /** Of which the local simulator's own bookkeeping table (absent in production). */
  emptyObjectBytes: number;
}

function sizeOf(file: string, dir: string): { bytes: number; attempts: number } {
  const base = path.basename(file);
  for (const ext of ['', '-wal']) {
    if (existsSync(`${file}${ext}`)) copyFileSync(`${file}${ext}`, path.join(dir, `${base}${ext}`));
  }
  const db = new DatabaseSync(path.join(dir, base));
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const pages = db.prepare('PRAGMA page_count').get() as { page_count: number };
    const size = db.prepare('PRAGMA page_size').get() as { page_size: number };
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'attempts'").get();
    const attempts = hasTable
      ? (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n
      : 0;
    return { bytes: pages.page_count * size.page_size, attempts };
  } finally {
    db.close();
  }
}

export function learnerStorage(stateDir: string): StoredBytes {
  const doDir = path.join(stateDir, 'v3/do');
  // The Worker's own class directory: the one holding the learners (the upload's proxy may add an empty one).
  const classDir = readdirSync(doDir)
    .filter((d) => d.endsWith('-Learner'))
    .sort((a, b) => readdirSync(path.join(doDir, b)).length - readdirSync(path.join(doDir, a)).length)[0];
  if (!classDir) return { objects: 0, attempts: 0, bytes: 0, emptyObjectBytes: 0 };
  const files = readdirSync(path.join(doDir, classDir)).filter(
    (f) => f.endsWith('.sqlite') && f !== 'metadata.sqlite',
  );
  const tmp = mkdtempSync(path.join(tmpdir(), 'examdown-sqlite-'));
  let bytes = 0;
  let attempts = 0;
  let emptyObjectBytes = 0;
  try {
    for (const f of files) {
      const s = sizeOf(path.join(doDir, classDir, f), tmp);
      bytes += s.bytes;
      attempts += s.attempts;
      if (s.attempts === 0) emptyObjectBytes += s.bytes;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { objects: files.length, attempts, bytes, emptyObjectBytes };
}
