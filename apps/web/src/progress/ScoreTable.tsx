import type { Domain } from '../model';
import { formatDay, formatPercent, modeName } from './format';
import type { ScoredAttempt } from './series';

/**
 * The charts' numbers as a table: one row per attempt (same numbering), overall and per domain.
 * Folded under the charts, but always in the DOM for screen readers and readers of numbers.
 */
export function ScoreTable({
  attempts,
  domains,
}: {
  attempts: readonly ScoredAttempt[];
  domains: readonly Domain[];
}) {
  return (
    <details class="score-table">
      <summary>Show the numbers</summary>
      {/* Scrolls on its own when the domain columns do not fit; focusable so keyboards can scroll it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section class="score-table-scroll" tabIndex={0} aria-labelledby="score-table-caption">
        <table>
          <caption id="score-table-caption">Score per attempt, overall and by domain</caption>
          <thead>
            <tr>
              <th scope="col">Attempt</th>
              <th scope="col">Date</th>
              <th scope="col">Mode</th>
              <th scope="col" class="num">
                Score
              </th>
              {domains.map((d) => (
                <th scope="col" class="num" key={d.id}>
                  {d.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id} data-attempt-id={a.id}>
                <th scope="row">{a.n}</th>
                <td>{formatDay(a.at)}</td>
                <td>{modeName(a.mode)}</td>
                <td class="num" data-score>
                  {formatPercent(a.percent)}
                </td>
                {domains.map((d) => {
                  const percent = a.domains[d.id];
                  return (
                    <td class="num" key={d.id}>
                      {percent === undefined ? <NoQuestions /> : formatPercent(percent)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </details>
  );
}

const NoQuestions = () => (
  <>
    <span aria-hidden="true">—</span>
    <span class="sr-only">no questions</span>
  </>
);
