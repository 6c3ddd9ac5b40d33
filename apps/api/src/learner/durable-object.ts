/**
 * `Learner`: one SQLite-backed Durable Object per learner (wrangler.jsonc `durable_objects`,
 * migration `new_sqlite_classes`), holding that learner's attempts — one compact row each
 * (schema.ts, codec.ts). The Worker reaches it from the learner id (`idFromName`), which is part
 * of every attempt id. Methods are called over RPC; each runs its reads and its write in one
 * synchronous stretch of SQL (no await between them), so concurrent requests to one learner never
 * interleave inside a read-modify-write.
 *
 * Token checks: writes are guarded by the attempt's token digest (string equality of two sha256
 * digests: timing there reveals nothing usable); the Worker then checks the token in constant time
 * on the row it gets back before it answers (security.ts `tokenHashMatches`).
 *
 * Retention: an alarm at the earliest `expires_at` deletes unsubmitted attempts that have expired
 * (policy.ts ABANDONED_TTL_MS) and re-arms for the next one. Submitted attempts and review cards
 * stay until the learner erases them (`erase`).
 */

import { DurableObject } from 'cloudflare:workers';
import { gradeAttempt } from '../attempts/grading.js';
import { type CardSet, parseCards, review } from './cards.js';
import {
  decodeForm,
  decodeGradingFacts,
  emptyAnswers,
  encodeCredits,
  encodeForm,
  encodeSlot,
  type FormEntry,
  parseForm,
  type Slot,
} from './codec.js';
import { ABANDONED_TTL_MS, MAX_OPEN_ATTEMPTS, SAVE_GRACE_MS, SEEN_WINDOW } from './policy.js';
import {
  nextSlot,
  type SavedState,
  type SaveInput,
  type SaveOutcome,
  type SaveRefusal,
} from './save-rules.js';
import { AttemptRow, INSERT_SQL, insertParams, migrationsFor, SCHEMA_SQL } from './schema.js';
import { buildSeenFilter } from './seen-filter.js';
import { isOpen, progressOf, type StoredAttempt, toStored, type WireAttempt, wireOf } from './stored.js';

/** What a start stores: the attempt before any answer. */
export type NewAttempt = Pick<
  StoredAttempt,
  | 'local'
  | 'tokenHash'
  | 'examId'
  | 'mode'
  | 'contentHash'
  | 'seed'
  | 'createdAt'
  | 'deadlineAt'
  | 'passingScore'
  | 'scoring'
> & {
  /** The form as text (codec.ts `formText`). */
  form: string;
};

export type { SavedState, SaveInput, SaveOutcome, SaveRefusal };

/** A passkey as the learner's object keeps it: what verifying a sign-in needs. */
export interface StoredPasskey {
  id: string;
  publicKey: Uint8Array;
  counter: number;
  transports: string[];
}

export interface Sealed {
  attempt: WireAttempt | null;
  /** Question ids of this learner's other open timed attempts: their keys must not be shown. */
  sealed: string[];
}

export class Learner extends DurableObject {
  readonly #sql: SqlStorage;
  /** Decoded forms (immutable): their text and entries, per attempt. */
  readonly #forms = new Map<number, { text: string; entries: FormEntry[] }>();
  /** Rows written since this instance started (tests and the bench read it). */
  rowsWritten = 0;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    this.#sql = ctx.storage.sql;
    this.#migrate();
  }

  /** Creates the tables, or brings an object created by an older version up to date. */
  #migrate() {
    this.#sql.exec(SCHEMA_SQL);
    const columns = this.#sql.exec('SELECT * FROM attempts LIMIT 0').columnNames;
    for (const statement of migrationsFor(columns)) this.#sql.exec(statement);
  }

  #exec(query: string, ...params: unknown[]) {
    const cursor = this.#sql.exec(query, ...params);
    const rows = cursor.toArray();
    this.rowsWritten += cursor.rowsWritten;
    return rows;
  }

  /** A write; returns the rows it changed. */
  #write(query: string, ...params: unknown[]): number {
    const cursor = this.#sql.exec(query, ...params);
    cursor.toArray();
    this.rowsWritten += cursor.rowsWritten;
    return cursor.rowsWritten;
  }

  #row(local: number): AttemptRow | null {
    const [raw] = this.#exec('SELECT * FROM attempts WHERE id = ?', local);
    return raw ? AttemptRow.parse(raw) : null;
  }

  /** The decoded form (immutable, so cached per instance). */
  async #form(row: Pick<AttemptRow, 'id' | 'form'>): Promise<{ text: string; entries: FormEntry[] }> {
    let form = this.#forms.get(row.id);
    if (!form) {
      const text = await decodeForm(row.form);
      form = { text, entries: parseForm(text) };
      this.#remember(row.id, form);
    }
    return form;
  }

  #remember(local: number, form: { text: string; entries: FormEntry[] }) {
    if (this.#forms.size >= 64) this.#forms.delete(this.#forms.keys().next().value as number);
    this.#forms.set(local, form);
  }

  /** Forms of the open timed attempts other than `except`, all decoded before any sync section. */
  async #openTimedForms(except: number, now: number): Promise<Map<number, FormEntry[]>> {
    const rows = this.#exec(
      `SELECT * FROM attempts WHERE submitted_at IS NULL AND deadline_at IS NOT NULL
         AND ? <= deadline_at + ? AND id != ?`,
      now,
      SAVE_GRACE_MS,
      except,
    ).map((r) => AttemptRow.parse(r));
    const out = new Map<number, FormEntry[]>();
    for (const row of rows) out.set(row.id, (await this.#form(row)).entries);
    return out;
  }

  #sealed(forms: Map<number, FormEntry[]>): string[] {
    return [...new Set([...forms.values()].flatMap((f) => f.map((e) => e.questionId)))];
  }

  async start(a: NewAttempt): Promise<{ ok: true } | { ok: false; open: number }> {
    const entries = parseForm(a.form);
    const blob = await encodeForm(a.form);
    const [count] = this.#exec('SELECT COUNT(*) AS n FROM attempts WHERE submitted_at IS NULL');
    const open = Number((count as { n: number } | undefined)?.n ?? 0);
    if (open >= MAX_OPEN_ATTEMPTS) return { ok: false, open };
    const expiresAt = (a.deadlineAt ?? a.createdAt) + ABANDONED_TTL_MS;
    const row = { ...a, expiresAt, form: blob.buffer as ArrayBuffer, answers: emptyAnswers(entries.length) };
    this.#exec(INSERT_SQL, ...insertParams(row));
    this.#remember(a.local, { text: a.form, entries });
    const alarm = await this.ctx.storage.getAlarm();
    if (alarm === null || alarm > expiresAt) await this.ctx.storage.setAlarm(expiresAt);
    return { ok: true };
  }

  async read(local: number, now: number): Promise<Sealed> {
    const row = this.#row(local);
    if (!row) return { attempt: null, sealed: [] };
    const form = await this.#form(row);
    const others = await this.#openTimedForms(local, now);
    const fresh = this.#row(local);
    return { attempt: fresh ? wireOf(fresh, form.text) : null, sealed: this.#sealed(others) };
  }

  async save(s: SaveInput): Promise<SaveOutcome> {
    const first = this.#row(s.local);
    const none = { written: false, checkedNow: false, attempt: null, position: -1, progress: progressOf([]) };
    if (!first) return none;
    const { text, entries: form } = await this.#form(first);
    const others = s.check ? await this.#openTimedForms(s.local, s.now) : new Map();
    // From here on: synchronous (the row is read again, changed and written without a yield).
    const row = this.#row(s.local);
    if (!row) return none;
    const view = toStored(wireOf(row, text), form);
    const position = form.findIndex((f) => f.questionId === s.questionId);
    const allowed = s.write && position >= 0 && isOpen(view, s.now, SAVE_GRACE_MS);
    let refusal: SaveRefusal | undefined;
    let written = false;
    let checkedNow = false;
    if (allowed) {
      const slot = view.slots[position] as Slot;
      const next = nextSlot(view.mode, slot, s, this.#sealed(others).includes(s.questionId));
      if ('refusal' in next) refusal = next.refusal;
      else {
        const slots = view.slots.slice();
        slots[position] = next.slot;
        const expiresAt = view.deadlineAt === null ? s.now + ABANDONED_TTL_MS : row.expires_at;
        // Guarded by the token digest: only the attempt's token writes.
        written =
          this.#write(
            'UPDATE attempts SET answers = ?, expires_at = ? WHERE id = ? AND token_hash = ?',
            slots.map(encodeSlot).join(','),
            expiresAt,
            s.local,
            s.tokenHash,
          ) > 0;
        if (written) {
          checkedNow = next.slot.checked && !slot.checked;
          view.slots = slots;
        }
      }
    }
    return {
      written,
      checkedNow,
      attempt: {
        tokenHash: view.tokenHash,
        submittedAt: view.submittedAt,
        deadlineAt: view.deadlineAt,
        scoring: view.scoring,
        slot: view.slots[position] ?? null,
        entry: form[position] ?? null,
      },
      position,
      ...(refusal ? { refusal } : {}),
      progress: progressOf(view.slots),
    };
  }

  /**
   * Freezes and grades in one write (only with the attempt's token, only once): the answers as
   * stored at this instant are graded against `keys` (every question of the form, of the version
   * drawn). A save racing this either landed before (graded) or finds it submitted (refused).
   */
  async submit(
    local: number,
    tokenHash: string,
    now: number,
    factsText: string,
  ): Promise<Sealed & { gradedNow: boolean }> {
    const first = this.#row(local);
    if (!first) return { attempt: null, sealed: [], gradedNow: false };
    const { text, entries: form } = await this.#form(first);
    const others = await this.#openTimedForms(local, now);
    const row = this.#row(local);
    if (!row) return { attempt: null, sealed: [], gradedNow: false };
    const view = toStored(wireOf(row, text), form);
    let gradedNow = false;
    if (row.credits === null) {
      const { keys, domainOf } = decodeGradingFacts(factsText);
      const { credits, points, passed } = gradeAttempt(
        form.map((f) => f.questionId),
        view.slots.map((slot) => slot.answer),
        keys,
        view.scoring,
        view.passingScore,
      );
      const submittedAt = row.submitted_at ?? now;
      // Guarded by the token digest, and graded once.
      gradedNow =
        this.#write(
          `UPDATE attempts SET submitted_at = ?, credits = ?, points = ?, passed = ?, expires_at = NULL,
             domains = ? WHERE id = ? AND token_hash = ? AND credits IS NULL`,
          submittedAt,
          encodeCredits(credits),
          points,
          passed ? 1 : 0,
          domainSums(form, credits, domainOf),
          local,
          tokenHash,
        ) > 0;
      if (gradedNow) {
        Object.assign(view, { submittedAt, credits, points, passed, expiresAt: null });
        // Practice answers checked before the submit already updated their cards.
        const graded = form.flatMap((f, i) =>
          view.slots[i]?.checked ? [] : [{ questionId: f.questionId, credit: credits[i] ?? 0 }],
        );
        this.#reviewCards(view.examId, graded, now);
      }
    }
    const wire: WireAttempt = {
      ...wireOf(row, text),
      submittedAt: view.submittedAt,
      credits: view.credits === null ? null : encodeCredits(view.credits),
      points: view.points,
      passed: view.passed,
      expiresAt: view.expiresAt,
    };
    return { attempt: wire, sealed: this.#sealed(others), gradedNow };
  }

  /** Applies graded answers to the learner's review cards of `examId` (one row written). */
  #reviewCards(examId: string, graded: ReadonlyArray<{ questionId: string; credit: number }>, now: number) {
    if (graded.length === 0) return;
    const next = review(this.cards(examId), graded, now);
    this.#write(
      'INSERT INTO cards (exam_id, data) VALUES (?, ?) ON CONFLICT(exam_id) DO UPDATE SET data = excluded.data',
      examId,
      JSON.stringify(next),
    );
  }

  /** A practice check's graded answer, on the attempt's own token (its card is rescheduled). */
  recordCheck(local: number, tokenHash: string, questionId: string, credit: number, now: number): void {
    // Only with the attempt's token digest (a digest: timing here reveals nothing usable).
    const [row] = this.#exec(
      'SELECT exam_id FROM attempts WHERE id = ? AND token_hash = ?',
      local,
      tokenHash,
    );
    if (!row) return;
    this.#reviewCards((row as { exam_id: string }).exam_id, [{ questionId, credit }], now);
  }

  /**
   * The question ids of the learner's latest attempts of an exam (SEEN_WINDOW, submitted or not:
   * a window, so an old account's start stays cheap), one per line and once per attempt that showed
   * them — a draw whose domain ran out of unseen questions takes the least seen (sampler.ts). One
   * string crosses the RPC boundary far more cheaply than a record of a thousand counts.
   */
  async seenQuestions(examId: string): Promise<string> {
    return (await this.#seenIds(examId)).join('\n');
  }

  /** The same ids as a Bloom filter: what a start asks first (seen-filter.ts). */
  async seenFilter(examId: string): Promise<Uint8Array> {
    return buildSeenFilter(await this.#seenIds(examId));
  }

  async #seenIds(examId: string): Promise<string[]> {
    const rows = this.#exec(
      'SELECT id, form FROM attempts WHERE exam_id = ? ORDER BY created_at DESC LIMIT ?',
      examId,
      SEEN_WINDOW,
    ) as Array<Pick<AttemptRow, 'id' | 'form'>>;
    const ids: string[] = [];
    for (const row of rows)
      for (const { questionId } of (await this.#form(row)).entries) ids.push(questionId);
    return ids;
  }

  /** The learner's review cards of one exam. */
  cards(examId: string): CardSet {
    const [row] = this.#exec('SELECT data FROM cards WHERE exam_id = ?', examId);
    return parseCards((row as { data?: string } | undefined)?.data);
  }

  /** Every exam's cards (history pages, export). */
  allCards(): Record<string, CardSet> {
    const rows = this.#exec('SELECT exam_id, data FROM cards') as Array<{ exam_id: string; data: string }>;
    return Object.fromEntries(rows.map((r) => [r.exam_id, parseCards(r.data)]));
  }

  /** The learner's attempts, newest first, without their forms (history, home page, export). */
  attempts(examId?: string): WireAttempt[] {
    const rows = (
      examId === undefined
        ? this.#exec('SELECT * FROM attempts ORDER BY created_at DESC')
        : this.#exec('SELECT * FROM attempts WHERE exam_id = ? ORDER BY created_at DESC', examId)
    ).map((r) => AttemptRow.parse(r));
    return rows.map((row) => wireOf(row, ''));
  }

  /** Stores a verified passkey of this learner (passkeys.ts). */
  addPasskey(p: StoredPasskey, now: number): void {
    this.#write(
      'INSERT OR REPLACE INTO passkeys (id, public_key, counter, transports, created_at) VALUES (?, ?, ?, ?, ?)',
      p.id,
      p.publicKey,
      p.counter,
      p.transports.join(','),
      now,
    );
  }

  passkey(id: string): StoredPasskey | null {
    const [row] = this.#exec(
      'SELECT id, public_key, counter, transports FROM passkeys WHERE id = ?',
      id,
    ) as Array<{
      id: string;
      public_key: ArrayBuffer;
      counter: number;
      transports: string;
    }>;
    if (!row) return null;
    return {
      id: row.id,
      publicKey: new Uint8Array(row.public_key),
      counter: row.counter,
      transports: row.transports ? row.transports.split(',') : [],
    };
  }

  passkeyIds(): string[] {
    return (this.#exec('SELECT id FROM passkeys ORDER BY created_at') as Array<{ id: string }>).map(
      (r) => r.id,
    );
  }

  /** After a sign-in: the authenticator's new signature counter. */
  touchPasskey(id: string, counter: number): void {
    this.#write('UPDATE passkeys SET counter = ? WHERE id = ?', counter, id);
  }

  /** Erases everything this learner stored (attempts, cards, passkeys). */
  async erase(): Promise<void> {
    await this.ctx.storage.deleteAll();
    this.#forms.clear();
    this.#migrate();
  }

  /**
   * Closes the attempt to saves without grading it (the keys could not be read): the grade comes
   * at the next submit or report, against the answers as frozen here, at this submit time.
   */
  freeze(local: number, tokenHash: string, now: number): void {
    this.#write(
      'UPDATE attempts SET submitted_at = ? WHERE id = ? AND token_hash = ? AND submitted_at IS NULL',
      now,
      local,
      tokenHash,
    );
  }

  /** Retention: delete expired unsubmitted attempts, then wake again for the next expiry. */
  override async alarm(): Promise<void> {
    const now = Date.now();
    const gone = this.#exec(
      'DELETE FROM attempts WHERE submitted_at IS NULL AND expires_at <= ? RETURNING id',
      now,
    );
    for (const r of gone) this.#forms.delete(Number((r as { id: number }).id));
    const [next] = this.#exec('SELECT MIN(expires_at) AS at FROM attempts WHERE submitted_at IS NULL');
    const at = (next as { at: number | null } | undefined)?.at ?? null;
    if (at !== null) await this.ctx.storage.setAlarm(at);
    else {
      const [left] = this.#exec(
        'SELECT (SELECT COUNT(*) FROM attempts) + (SELECT COUNT(*) FROM cards) + (SELECT COUNT(*) FROM passkeys) AS n',
      );
      // Nothing left: free the learner's storage entirely (tables too), then be ready again.
      if (Number((left as { n: number } | undefined)?.n ?? 0) === 0) await this.erase();
    }
  }

  /** Bytes of this learner's SQLite database (bench and tests). */
  databaseSize(): number {
    return this.#sql.databaseSize;
  }
}

/** Per-domain points and question counts of a graded form: 'id=points/total;…'. */
function domainSums(
  form: readonly FormEntry[],
  credits: readonly number[],
  domainOf: Record<string, string>,
) {
  const sums = new Map<string, [number, number]>();
  form.forEach((f, i) => {
    const domain = domainOf[f.questionId];
    if (!domain) return;
    const sum = sums.get(domain) ?? [0, 0];
    sum[0] += credits[i] ?? 0;
    sum[1] += 1;
    sums.set(domain, sum);
  });
  return [...sums]
    .map(([id, [points, total]]) => `${id}=${Math.round(points * 100) / 100}/${total}`)
    .join(';');
}
