/**
 * Word lists (data, not logic) that the corpus generator draws from: the people, companies and
 * situations of question scenarios, the rationales under options and the glue of the prose.
 */

export const TEAMS = [
  'data platform team',
  'fraud analytics group',
  'retail forecasting team',
  'ML engineering team',
  'payments squad',
  'marketing data team',
  'supply chain analysts',
  'risk modelling unit',
  'customer insights team',
  'site reliability team',
];
export const COMPANIES = [
  'a regional bank',
  'an online marketplace',
  'a logistics provider',
  'a video streaming service',
  'an insurer',
  'a hospital network',
  'an airline',
  'an energy utility',
  'a mobile game studio',
  'a grocery chain',
];
export const VOLUMES = [
  '2 TB of clickstream events a day',
  '40 million customer records',
  '300,000 sensor readings per second',
  'about 12,000 orders an hour',
  'a 6 TB history of transactions',
  '800 source tables from three ERP systems',
  'roughly 5 million API calls a day',
  '150 GB of new log data every night',
];
export const CONSTRAINTS = [
  'The budget does not allow clusters that run around the clock.',
  'Results must be available within five minutes of an event.',
  'Auditors require every change to be traceable to a person or a service principal.',
  'The solution must not require rewriting the existing jobs.',
  'The p99 latency must stay under 80 ms.',
  'The team has no one on call at night.',
  'The data contains personal information that only the compliance group may see.',
  'Costs must fall by at least a third this quarter.',
  'The change has to be live before the seasonal peak in two weeks.',
];
export const OBSERVATIONS = [
  'Last week the nightly run took three hours longer than usual.',
  'The dashboard showed a sudden drop in the daily totals on Monday.',
  'Two consumers report different numbers for the same metric.',
  'Error rates rose from 0.1% to 4% right after the last release.',
  'The job fails about once a week with an out-of-memory error.',
  'Queries from the finance team time out during the month-end close.',
  'The monitoring shows that the input distribution moved over the last month.',
  'A partner asked for read access to a subset of the data.',
];
export const ROLES = [
  'data engineer',
  'ML engineer',
  'platform architect',
  'analyst',
  'reliability engineer',
];
export const ASKS = [
  'Which approach meets the requirement?',
  'What should the {role} do **first**?',
  'Which design is the most cost-effective?',
  'Which change solves the problem with the **least** operational effort?',
  'Which option should the {role} recommend?',
  'What is the best next step?',
];
export const WRONG_WHY = [
  'This ignores the constraint stated in the scenario.',
  'It adds an always-on cost that the budget does not allow.',
  'It treats the symptom and leaves the cause in place.',
  'It works for small volumes only and does not scale to this workload.',
  'It breaks the audit requirement because nobody can trace the change.',
  'It creates a second copy of the data that drifts out of sync.',
  'It needs manual work on every run, which the team cannot staff.',
  'It makes the results non-reproducible.',
];
export const RIGHT_WHY = [
  'This is the option that respects every constraint in the stem.',
  'It addresses the cause directly and keeps the operating cost low.',
  'It is the documented pattern for this situation.',
  'It scales with the workload without manual steps.',
];
export const QUALIFIERS = [
  '',
  '',
  ' and document the decision in the runbook',
  ' on a schedule after the upstream load finishes',
  ' for the production workspace only',
  ' using a dedicated service principal',
  ' and review the result with the owning team',
  ' behind a feature flag',
  ' with an alert when it fails',
];
export const CONNECTORS = [
  'In practice',
  'On the exam',
  'For most teams',
  'As a rule of thumb',
  'In the scenario questions',
  'When in doubt',
  'Historically',
  'In production',
];
export const VERBS = [
  'decides',
  'limits',
  'shapes',
  'simplifies',
  'complicates',
  'drives',
  'protects',
  'exposes',
];
export const FAQ_QUESTIONS = [
  'How long should I prepare?',
  'Which domain is the hardest?',
  'Are the questions scenario based?',
  'Do I need hands-on experience?',
  'How is multiple select scored?',
  'Can I retake the exam?',
  'Which resources help most?',
  'Is the exam available online?',
];
