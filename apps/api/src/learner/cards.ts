/**
 * Review cards: one FSRS card (ts-fsrs) per learner and question, updated by every graded answer —
 * a practice check, or a submit for the questions not checked before it. A learner's cards of one
 * exam are one packed row of the learner's object (schema.ts `cards`), so a submit adds one row
 * written, not one per question.
 *
 * Packed form: question id → [due, stability, difficulty, scheduled days, learning steps, reps,
 * lapses, state, last review, last credit]; times in epoch ms, numbers rounded to keep rows small.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating } from 'ts-fsrs';

/** Plain numbers (not a tuple type): the packed cards also cross the RPC boundary as they are. */
type Packed = number[];
export type CardSet = Record<string, Packed>;

export interface ReviewCard {
  questionId: string;
  due: number;
  reps: number;
  lapses: number;
  /** The credit of the latest graded answer (0–1). */
  lastCredit: number;
  lastReview: number;
}

// Short-term steps off: a missed question comes back tomorrow, not in ten minutes (learners here
// review once a day, not in one sitting); fuzz off so schedules are reproducible.
const scheduler = fsrs({ enable_short_term: false, enable_fuzz: false });

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A graded answer's rating: all credit → Good, some → Hard, none (or unanswered) → Again. */
export function ratingOf(credit: number): Grade {
  if (credit >= 1) return Rating.Good;
  return credit > 0 ? Rating.Hard : Rating.Again;
}

function unpack(p: Packed): Card {
  return {
    due: new Date(p[0] ?? 0),
    stability: p[1] ?? 0,
    difficulty: p[2] ?? 0,
    elapsed_days: 0,
    scheduled_days: p[3] ?? 0,
    learning_steps: p[4] ?? 0,
    reps: p[5] ?? 0,
    lapses: p[6] ?? 0,
    state: p[7] ?? 0,
    ...((p[8] ?? 0) > 0 ? { last_review: new Date(p[8] ?? 0) } : {}),
  };
}

function pack(card: Card, credit: number): Packed {
  return [
    card.due.getTime(),
    round(card.stability),
    round(card.difficulty),
    card.scheduled_days,
    card.learning_steps,
    card.reps,
    card.lapses,
    card.state,
    card.last_review?.getTime() ?? 0,
    round(credit),
  ];
}

/** `cards` with each graded answer applied (a new card for a question seen the first time). */
export function review(
  cards: CardSet,
  graded: ReadonlyArray<{ questionId: string; credit: number }>,
  now: number,
) {
  const next: CardSet = { ...cards };
  for (const { questionId, credit } of graded) {
    const existing = next[questionId];
    const card = existing ? unpack(existing) : createEmptyCard(new Date(now));
    next[questionId] = pack(scheduler.next(card, new Date(now), ratingOf(credit)).card, credit);
  }
  return next;
}

export function cardList(cards: CardSet): ReviewCard[] {
  return Object.entries(cards).map(([questionId, p]) => ({
    questionId,
    due: p[0] ?? 0,
    reps: p[5] ?? 0,
    lapses: p[6] ?? 0,
    lastReview: p[8] ?? 0,
    lastCredit: p[9] ?? 0,
  }));
}

/** Cards due at `now`, the most overdue first. */
export function dueCards(cards: CardSet, now: number): ReviewCard[] {
  return cardList(cards)
    .filter((c) => c.due <= now)
    .sort((a, b) => a.due - b.due || a.questionId.localeCompare(b.questionId));
}

/** When the next card not yet due falls due (null: none is scheduled after `now`). */
export function nextDue(cards: CardSet, now: number): number | null {
  const later = cardList(cards)
    .map((c) => c.due)
    .filter((due) => due > now);
  return later.length > 0 ? Math.min(...later) : null;
}

export function parseCards(text: string | null | undefined): CardSet {
  if (!text) return {};
  try {
    const parsed = JSON.parse(text) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as CardSet) : {};
  } catch {
    return {};
  }
}
