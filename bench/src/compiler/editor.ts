/**
 * The edits of the compiler benchmark's rebuild measures: one bank file at a time (a different
 * one each time), one wrong option gets a revision mark — the smallest real change an author
 * makes, and one the bundle must show afterwards.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Corpus } from '../corpus.ts';

/** Edits one bank file at a time (a different one each time): one option gets a revision mark. */
export class Editor {
  private count = 0;
  private readonly files: string[];
  private readonly corpus: Corpus;
  constructor(corpus: Corpus) {
    this.corpus = corpus;
    // Spread over the exams and domains: every 7th bank file.
    this.files = corpus.bankFiles.filter((_, i) => i % 7 === 3);
  }
  edit(): void {
    this.count++;
    const file = path.join(this.corpus.dir, this.files[this.count % this.files.length] as string);
    const text = readFileSync(file, 'utf8');
    const marker = this.lastMarker();
    const edited = text.replace(/^- \[ \] (.*)$/m, (_line, option: string) => `- [ ] ${option} ${marker}`);
    if (edited === text) throw new Error(`nothing to edit in ${file}`);
    writeFileSync(file, edited);
  }
  lastMarker(): string {
    return `(revision ${this.count})`;
  }
}
