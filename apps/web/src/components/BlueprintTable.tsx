import { splitSeats } from '@examdown/compiler/shared';
import type { Exam } from '../model';
import { domainClass, WeightBar } from './Bars';
import './BlueprintTable.css';

/** The exam's domains: the weight bar, then a table of weights, expected questions and topics. */
export function Blueprint({ exam }: { exam: Exam }) {
  const perDomain = splitSeats(exam.questionCount, exam.domains);
  return (
    <section aria-labelledby="blueprint-title">
      <h2 id="blueprint-title">Blueprint</h2>
      <WeightBar domains={exam.domains} />
      <div class="table-scroll">
        <table class="blueprint">
          <caption class="sr-only">Domains, their weights and key topics</caption>
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col" class="num">
                Weight
              </th>
              <th scope="col" class="num">
                ≈ Questions
              </th>
              <th scope="col">Key topics</th>
            </tr>
          </thead>
          <tbody>
            {exam.domains.map((d, i) => (
              <tr key={d.id}>
                <th scope="row">
                  <span class={`swatch ${domainClass(i)}`} aria-hidden="true" />
                  {d.name}
                  {d.studyGuide && (
                    <a
                      class="study-link"
                      href={`/guides/${d.studyGuide.guide}${d.studyGuide.section ? `#${d.studyGuide.section}` : ''}`}
                    >
                      Study this domain<span class="sr-only">: {d.name}</span>
                    </a>
                  )}
                </th>
                <td class="num" data-label="Weight">
                  {d.weight}%
                </td>
                <td class="num" data-label="≈ Questions">
                  {perDomain[i]}
                </td>
                <td>
                  {d.topics.length > 0 ? (
                    <ul class="topics">
                      {d.topics.map((t) => (
                        <li key={t}>{t}</li>
                      ))}
                    </ul>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
