/**
 * One generated question, in both of the forms the compiler reads: the `::::question` directive
 * and the plain style of public GitHub banks. Scenario stem, 4–5 options (about 15% "choose
 * two"), rationales under most options and an explanation.
 */
import { between, chance, oneOf, type Random, sample, shuffle } from './dice.ts';
import type { DomainSpec } from './exams.ts';
import { capitalise, paragraph, slugify } from './prose.ts';
import {
  ASKS,
  COMPANIES,
  CONSTRAINTS,
  OBSERVATIONS,
  QUALIFIERS,
  RIGHT_WHY,
  ROLES,
  TEAMS,
  VOLUMES,
  WRONG_WHY,
} from './words.ts';

export interface QuestionText {
  /** Directive form: `::::question{…}` … `::::` */
  directive: string;
  /** Plain form: `### heading` + task list + `Explanation:` (no attributes). */
  plain: string;
}

/** Balanced correct positions: cycles through the positions per option count, shuffled in blocks. */
export class PositionDeck {
  private decks = new Map<number, number[]>();
  private readonly r: Random;
  constructor(r: Random) {
    this.r = r;
  }
  draw(options: number): number {
    let deck = this.decks.get(options);
    if (!deck || deck.length === 0) {
      deck = shuffle(
        Array.from({ length: options }, (_, i) => i),
        this.r,
      );
      this.decks.set(options, deck);
    }
    return deck.pop() as number;
  }
}

export function question(
  r: Random,
  deck: PositionDeck,
  id: string,
  domain: DomainSpec,
  attributes: string,
  serial: number,
): QuestionText {
  const role = oneOf(ROLES, r);
  const multiple = chance(0.15, r);
  const optionCount = multiple ? 5 : chance(0.3, r) ? 5 : 4;
  const actions = sample(domain.actions, optionCount, r);
  const options = actions.map((action) => capitalise(action) + oneOf(QUALIFIERS, r));
  const correct = new Set<number>();
  if (multiple) {
    for (const index of sample([0, 1, 2, 3, 4], 2, r)) correct.add(index);
  } else correct.add(deck.draw(optionCount));

  const stemLines = [
    `Case ${serial}: the ${oneOf(TEAMS, r)} at ${oneOf(COMPANIES, r)} handles ${oneOf(VOLUMES, r)}; the ${oneOf(domain.things, r)} is at the centre of the problem.`,
    oneOf(OBSERVATIONS, r),
    oneOf(CONSTRAINTS, r),
  ];
  if (chance(0.3, r))
    stemLines.push(
      `The current set-up uses \`${slugify(oneOf(domain.things, r))}\` for ${oneOf(domain.topics, r)}.`,
    );
  const ask = multiple
    ? `Which **two** actions should the ${role} take? Select two.`
    : oneOf(ASKS, r).replace('{role}', role);
  stemLines.push(ask);

  const optionLines: string[] = [];
  options.forEach((text, index) => {
    const right = correct.has(index);
    optionLines.push(`- [${right ? 'x' : ' '}] ${text}`);
    if (right ? chance(0.4, r) : chance(0.7, r))
      optionLines.push(`  > ${oneOf(right ? RIGHT_WHY : WRONG_WHY, r)}`);
  });

  const explanation = [paragraph(r, domain, between(2, 4, r))];
  if (chance(0.5, r)) {
    explanation.push(
      [...correct]
        .map((index) => `- ${capitalise(actions[index] as string)}: ${oneOf(RIGHT_WHY, r).toLowerCase()}`)
        .join('\n'),
    );
  }

  const directive = [
    `::::question{#${id}${attributes}}`,
    ...stemLines,
    '',
    ...optionLines,
    '',
    ':::explanation',
    explanation.join('\n\n'),
    ':::',
    '::::',
  ].join('\n');

  const plain = [
    `### Case ${serial}: ${stemLines[stemLines.length - 1]}`,
    '',
    stemLines.slice(0, -1).join('\n'),
    '',
    ...optionLines.filter((line) => !line.startsWith('  >')),
    '',
    `Explanation: ${explanation[0]}`,
  ].join('\n');
  return { directive, plain };
}
