import { useState } from 'preact/hooks';
import { api } from '../api';
import { domainColor, WeightBar } from '../components/Bars';
import { describeError, ErrorState, formatMinutes, formatMoney, Loading } from '../components/ui';
import { toApiError, useAsync, useTitle } from '../hooks';
import type { AttemptMode, Exam } from '../model';
import { navigate } from '../router';
import { openAttempts, pastAttempts, saveAttempt } from '../storage';

export function ExamPage({ examId }: { examId: string }) {
  const exam = useAsync(() => api.exam(examId), [examId]);
  useTitle(exam.status === 'ok' ? exam.data.title : 'Exam');
  if (exam.status === 'loading')
    return (
      <div class="wrap page">
        <Loading label="Loading exam…" />
      </div>
    );
  if (exam.status === 'error')
    return (
      <div class="wrap page">
        <ErrorState error={exam.error} onRetry={exam.reload} />
      </div>
    );
  return <ExamDetail exam={exam.data} />;
}

type ExamWithBank = Exam & { bank: { total: number; byDomain: Record<string, number> } };

function ExamDetail({ exam }: { exam: ExamWithBank }) {
  const open = openAttempts(exam.id);
  const past = pastAttempts(exam.id).slice(0, 5);
  const perDomain = largestRemainder(
    exam.domains.map((d) => d.weight),
    exam.questionCount,
  );
  const index = useAsync(() => api.guides(), []);
  const guideTitle = new Map((index.data ?? []).map((g) => [g.slug, g.title]));

  return (
    <div class="wrap page">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/">Exams</a> <span aria-hidden="true">/</span> <span aria-current="page">{exam.title}</span>
      </nav>
      <header class="page-head">
        <p class="eyebrow">
          {exam.vendor}
          {exam.level ? ` · ${exam.level}` : ''}
        </p>
        <h1>{exam.title}</h1>
        {exam.summary && <p class="lead">{exam.summary}</p>}
      </header>

      {open.length > 0 && (
        <div class="resume-banner" role="note">
          <p>
            You have an unfinished {open[0]?.mode === 'exam' ? 'timed exam' : 'practice session'}.{' '}
            <a href={`/attempts/${open[0]?.id}`} class="btn btn-primary btn-small">
              Resume
            </a>
          </p>
        </div>
      )}

      <div class="exam-layout">
        <aside class="exam-side" aria-label="Practice">
          <StartExam exam={exam} />
          <PracticeForm exam={exam} />
          {past.length > 0 && (
            <section class="panel" aria-labelledby="past-title">
              <h2 id="past-title">Your results</h2>
              <ul class="link-list">
                {past.map((a) => (
                  <li key={a.id}>
                    <a href={`/attempts/${a.id}/results`}>
                      {a.mode === 'exam' ? 'Timed exam' : 'Practice'} ·{' '}
                      {new Date(a.startedAt).toLocaleString('en', {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </aside>
        <div class="exam-main">
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
                        <span class="swatch" style={{ background: domainColor(i) }} aria-hidden="true" />
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

          {exam.descriptionHtml && (
            <section aria-labelledby="about-title">
              <h2 id="about-title">About this exam</h2>
              <div class="prose" dangerouslySetInnerHTML={{ __html: exam.descriptionHtml }} />
            </section>
          )}

          {exam.guides.length > 0 && (
            <section aria-labelledby="exam-guides-title">
              <h2 id="exam-guides-title">Guides for this exam</h2>
              <ul class="link-list">
                {exam.guides.map((g) => (
                  <li key={g}>
                    <a href={`/guides/${g}`}>{guideTitle.get(g) ?? humanize(g)}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}

/** Questions per domain as the sampler draws them: weights scaled to the count, largest remainders first. */
function largestRemainder(weights: number[], count: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * count);
  const out = exact.map(Math.floor);
  let left = count - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

function humanize(slug: string): string {
  const s = slug.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function start(exam: Exam, mode: AttemptMode, opts: { domains?: string[]; count?: number } = {}) {
  const { token, attempt } = await api.start(exam.id, { mode, ...opts });
  saveAttempt({
    id: attempt.id,
    token,
    examId: exam.id,
    examTitle: attempt.examTitle,
    mode,
    startedAt: new Date().toISOString(),
    deadline: attempt.deadlineAt === null ? null : new Date(attempt.deadlineAt).toISOString(),
  });
  navigate(`/attempts/${attempt.id}`);
}

function useStarter() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (fn: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      const { title, detail } = describeError(toApiError(e));
      setError(`${title}. ${detail}`);
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function StartExam({ exam }: { exam: Exam }) {
  const { busy, error, run } = useStarter();
  return (
    <section class="panel panel-accent" aria-labelledby="start-title">
      <h2 id="start-title">Timed practice exam</h2>
      <p>
        {exam.questionCount} questions drawn by the blueprint, {formatMinutes(exam.durationMinutes)} on the
        clock. Answers save as you go; you can flag questions and come back to them.
      </p>
      <button type="button" class="btn btn-primary btn-block" onClick={() => run(() => start(exam, 'exam'))}>
        {busy ? 'Starting…' : 'Start timed exam'}
      </button>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

const COUNTS = [5, 10, 20, 30];

function PracticeForm({ exam }: { exam: ExamWithBank }) {
  const [domains, setDomains] = useState<string[]>(exam.domains.map((d) => d.id));
  const [count, setCount] = useState(10);
  const { busy, error, run } = useStarter();
  const none = domains.length === 0;
  const available = domains.reduce((n, d) => n + (exam.bank.byDomain[d] ?? 0), 0);
  const counts = [...COUNTS.filter((n) => n < available), available].filter(
    (n, i, a) => n > 0 && a.indexOf(n) === i,
  );
  const effective = Math.min(count, available);

  return (
    <section class="panel" aria-labelledby="practice-title">
      <h2 id="practice-title">Practice mode</h2>
      <p>Untimed. Pick the domains you want to drill and see the answer after every question.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (none) return;
          run(() => start(exam, 'practice', { domains, count: effective }));
        }}
      >
        <fieldset>
          <legend>Domains</legend>
          {exam.domains.map((d) => (
            <label class="check" key={d.id}>
              <input
                type="checkbox"
                name="domain"
                value={d.id}
                checked={domains.includes(d.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setDomains((cur) =>
                    exam.domains.map((x) => x.id).filter((id) => (id === d.id ? on : cur.includes(id))),
                  );
                }}
              />
              <span>
                {d.name} <span class="muted">({exam.bank.byDomain[d.id] ?? 0})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>Number of questions</span>
          <select
            value={String(effective)}
            onChange={(e) => setCount(Number((e.currentTarget as HTMLSelectElement).value))}
            disabled={none}
          >
            {counts.map((n) => (
              <option key={n} value={String(n)}>
                {n === available && n > 30 ? `All ${n}` : n}
              </option>
            ))}
          </select>
        </label>
        {none && (
          <p class="inline-error" role="alert">
            Choose at least one domain.
          </p>
        )}
        <button type="submit" class="btn btn-block" aria-disabled={none}>
          {busy ? 'Starting…' : 'Start practice'}
        </button>
        {error && (
          <p class="inline-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
