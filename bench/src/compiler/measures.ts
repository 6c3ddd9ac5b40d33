/** The compiler benchmark's figures: each a median of its samples, and the table that shows them. */
import { median, ms, rate, renderTable } from '../util.ts';

export interface Measure {
  id: string;
  label: string;
  command: string;
  samples: number[];
  median: number;
  files?: number;
  questions?: number;
  target?: string;
  met?: boolean;
}

export class Measures {
  readonly list: Measure[] = [];
  add(m: Omit<Measure, 'median'>): Measure {
    const measure = { ...m, median: median(m.samples) };
    this.list.push(measure);
    return measure;
  }
  /** One row per measure; the full-build / bare-parse ratio goes after the first four (the builds). */
  table(ratio: number, serialRatio: number): string {
    const rows = this.list.map((m) => [
      m.label,
      ms(m.median),
      m.samples.map((s) => Math.round(s)).join(', '),
      m.files !== undefined && m.files > 1 ? rate(m.files, m.median) : '',
      m.questions !== undefined ? rate(m.questions, m.median) : '',
      m.target ? `${m.target}: ${m.met ? 'met' : 'MISSED'}` : '',
    ]);
    rows.splice(4, 0, [
      'Ratio full build / bare parse (process wall times)',
      `${ratio.toFixed(2)}×`,
      `--jobs 1: ${serialRatio.toFixed(2)}×`,
      '',
      '',
      `≤ 1.5×: ${ratio <= 1.5 ? 'met' : 'MISSED'}`,
    ]);
    return renderTable(['Measure', 'Median', 'Runs (ms)', 'Files/s', 'Questions/s', 'Target'], rows);
  }
}
