/**
 * The layout of an Open Graph card (1200×630) as the element tree satori lays out: brand, an
 * eyebrow (vendor, level), the title, and for an exam its blueprint — facts and a weight bar per
 * domain. Plain objects rather than JSX so the build step runs under Node without a JSX transform.
 */
import type { Exam } from '@examdown/compiler/schema';

export interface CardElement {
  type: string;
  props: {
    style?: Record<string, string | number>;
    children?: CardChild | CardChild[];
    [k: string]: unknown;
  };
}
type CardChild = CardElement | string;

export interface CardInput {
  eyebrow?: string;
  title: string;
  /** A line under the title (a guide's reading time and date, the site's tagline). */
  subtitle?: string;
  exam?: Exam;
}

const INK = '#1c1f24';
const MUTED = '#5b6270';
const ACCENT = '#1d4ed8';
const BAR_COLORS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#4d7c0f'];

const h = (
  type: string,
  style: Record<string, string | number>,
  children?: CardChild | CardChild[],
): CardElement => ({
  type,
  props: { style: { display: 'flex', ...style }, children },
});

function brand(): CardElement {
  // The favicon's tick as an SVG path: the font's subset has no check-mark glyph.
  const tick: CardElement = {
    type: 'svg',
    props: {
      width: 48,
      height: 48,
      viewBox: '0 0 32 32',
      children: [
        { type: 'rect', props: { width: 32, height: 32, rx: 6, fill: ACCENT } },
        {
          type: 'path',
          props: {
            d: 'M9 17l5 5 9-11',
            fill: 'none',
            stroke: '#fff',
            strokeWidth: 3.5,
            strokeLinecap: 'round',
            strokeLinejoin: 'round',
          },
        },
      ],
    },
  };
  return h('div', { alignItems: 'center', gap: 16 }, [
    tick,
    h('div', { fontSize: 32, fontWeight: 700, color: INK }, 'examdown'),
  ]);
}

/** Long titles get a smaller size so they fit in three lines. */
const titleSize = (title: string, compact: boolean) =>
  title.length > 70 || compact ? 52 : title.length > 40 ? 60 : 68;

function blueprint(exam: Exam): CardElement {
  const facts = [
    `${exam.questionCount} questions`,
    `${exam.durationMinutes} min`,
    `${exam.passingScore}% to pass`,
    ...(exam.fee ? [`${exam.fee.amount} ${exam.fee.currency}`] : []),
  ];
  const bar = h(
    'div',
    { width: '100%', height: 28, borderRadius: 8, overflow: 'hidden' },
    exam.domains.map((d, i) =>
      h('div', {
        width: `${d.weight}%`,
        height: '100%',
        background: BAR_COLORS[i % BAR_COLORS.length] ?? ACCENT,
      }),
    ),
  );
  const legend = h(
    'div',
    { flexWrap: 'wrap', gap: 20, fontSize: 22, color: MUTED },
    exam.domains.slice(0, 6).map((d, i) =>
      h('div', { alignItems: 'center', gap: 8 }, [
        h('div', {
          width: 16,
          height: 16,
          borderRadius: 4,
          background: BAR_COLORS[i % BAR_COLORS.length] ?? ACCENT,
        }),
        `${d.name} ${d.weight}%`,
      ]),
    ),
  );
  return h('div', { flexDirection: 'column', gap: 16, width: 1072 }, [
    h(
      'div',
      { gap: 28, fontSize: 28, fontWeight: 700, color: INK },
      facts.map((f) => h('div', {}, f)),
    ),
    bar,
    legend,
  ]);
}

export function card(input: CardInput): CardElement {
  const head = h('div', { flexDirection: 'column', gap: 16, width: 1072 }, [
    ...(input.eyebrow
      ? [
          h(
            'div',
            { fontSize: 26, fontWeight: 700, color: ACCENT, textTransform: 'uppercase', letterSpacing: 2 },
            input.eyebrow,
          ),
        ]
      : []),
    h(
      'div',
      {
        fontSize: titleSize(input.title, input.exam !== undefined),
        fontWeight: 700,
        color: INK,
        lineHeight: 1.15,
      },
      input.title,
    ),
    ...(input.subtitle ? [h('div', { fontSize: 28, color: MUTED }, input.subtitle)] : []),
  ]);
  return h(
    'div',
    {
      // satori sizes boxes without their padding and border: 1200×630 in all.
      width: 1200 - 2 * 64,
      height: 630 - 14 - 48 - 56,
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '48px 64px 56px',
      background: '#f7f7f5',
      borderTop: `14px solid ${ACCENT}`,
      fontFamily: 'Inter',
    },
    [brand(), head, input.exam ? blueprint(input.exam) : h('div', { height: 1 })],
  );
}
