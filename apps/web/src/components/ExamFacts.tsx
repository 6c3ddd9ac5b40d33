import type { Exam } from '../model';
import { formatMinutes, formatMoney } from './ui';
import './ExamFacts.css';

/** "Exam at a glance": the facts a candidate checks before booking. */
export function ExamFacts({ exam }: { exam: Exam }) {
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">Exam at a glance</h2>
      <dl class="facts">
        <div>
          <dt>Questions</dt>
          <dd>{exam.questionCount}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{formatMinutes(exam.durationMinutes)}</dd>
        </div>
        <div>
          <dt>Passing score</dt>
          <dd>
            {exam.passingScore}%{' '}
            <span class="muted">
              (at least {Math.ceil((exam.passingScore / 100) * exam.questionCount - 1e-9)} correct)
            </span>
          </dd>
        </div>
        {exam.fee && (
          <div>
            <dt>Fee</dt>
            <dd>
              {formatMoney(exam.fee.amount, exam.fee.currency)}
              {exam.fee.note ? <span class="muted"> {exam.fee.note}</span> : null}
            </dd>
          </div>
        )}
        <div>
          <dt>Languages</dt>
          <dd>{exam.languages.join(', ')}</dd>
        </div>
        {exam.validityYears !== undefined && (
          <div>
            <dt>Valid for</dt>
            <dd>
              {exam.validityYears} year{exam.validityYears === 1 ? '' : 's'}
            </dd>
          </div>
        )}
        {exam.prerequisites && (
          <div>
            <dt>Prerequisites</dt>
            <dd>{exam.prerequisites}</dd>
          </div>
        )}
        {exam.format && (
          <div>
            <dt>Format</dt>
            <dd>{exam.format}</dd>
          </div>
        )}
        <div>
          <dt>Multiple select</dt>
          <dd>{exam.scoring.multipleSelect === 'partial' ? 'Partial credit' : 'All-or-nothing'}</dd>
        </div>
      </dl>
    </section>
  );
}
