/**
 * A synthetic but realistic content corpus for benchmarks: exams with blueprints, guides of about
 * 15 KB (tables, headings, lists, code, an embedded question, an FAQ) and question banks
 * (scenario stems, 4–5 options, rationales, explanations, some multiple select, a few files in
 * the plain style of public banks). Deterministic: the same options give byte-identical files.
 *
 *   node bench/src/corpus.ts [--guides 1000] [--questions 10000] [--seed 1] [--out DIR]
 *
 * Without --out the corpus goes to a fresh temp dir; the path is printed.
 * The corpus compiles without errors (the compiler benchmark checks that).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface CorpusOptions {
  guides: number;
  /** Questions in total: bank files plus the questions defined inside guides. */
  questions: number;
  seed: number;
  /** Target directory; a fresh temp dir when absent. Its exams/, guides/, questions/ are replaced. */
  out?: string | undefined;
}

export interface Corpus {
  dir: string;
  exams: number;
  guides: number;
  questions: number;
  files: number;
  bytes: number;
  /** Content-relative paths of the bank files, for "edit one file" benchmarks. */
  bankFiles: string[];
}

export const DEFAULT_CORPUS: CorpusOptions = { guides: 1000, questions: 10_000, seed: 1 };

// ---------------------------------------------------------------------------
// Randomness: a small seedable PRNG, so the corpus is the same on every machine.
// ---------------------------------------------------------------------------

class Random {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    return this.shuffle(items).slice(0, n);
  }
}

// ---------------------------------------------------------------------------
// The subject matter: a few certifications of a fictional data platform.
// ---------------------------------------------------------------------------

interface DomainSpec {
  id: string;
  name: string;
  weight: number;
  topics: string[];
  /** Things a candidate might do: the raw material of options. */
  actions: string[];
  /** Nouns the prose talks about. */
  things: string[];
}

interface ExamSpec {
  id: string;
  title: string;
  level: string;
  prefix: string;
  domains: DomainSpec[];
}

const EXAMS: ExamSpec[] = [
  {
    id: 'lakehouse-data-engineer-professional',
    title: 'Lakehouse Data Engineer Professional',
    level: 'Professional',
    prefix: 'de',
    domains: [
      {
        id: 'data-ingestion',
        name: 'Data Ingestion',
        weight: 25,
        topics: ['Auto Loader', 'change data capture', 'schema evolution', 'batch and streaming sources'],
        actions: [
          'ingest the files incrementally with Auto Loader and a schema location',
          'copy every file again with a nightly full load',
          'read the change feed of the source table and merge it into the target',
          'poll the landing folder every minute from a notebook loop',
          'enable schema evolution in rescue mode on the stream',
          'convert the source files to Parquet before loading them',
          'land the raw events in a bronze table with an ingestion timestamp',
          'partition the landing folder by hour and list it on each run',
          'use a streaming checkpoint per source table',
          'switch the cluster to a larger instance type',
          'deduplicate the events on their business key inside foreachBatch',
          'load the data through a JDBC connection with a single partition',
          'configure file notification mode instead of directory listing',
          'drop the malformed records silently with PERMISSIVE mode turned off',
        ],
        things: [
          'landing zone',
          'bronze table',
          'checkpoint',
          'schema location',
          'change feed',
          'file listing',
        ],
      },
      {
        id: 'data-modelling-storage',
        name: 'Data Modelling and Storage',
        weight: 25,
        topics: ['Delta Lake', 'liquid clustering', 'medallion architecture', 'slowly changing dimensions'],
        actions: [
          'cluster the table on the columns used in the most selective filters',
          'partition the table by customer ID',
          'run OPTIMIZE with Z-ordering on the timestamp column every hour',
          'model the dimension as type 2 with effective and end dates',
          'overwrite the dimension table on every load',
          'keep one wide denormalised table for every report',
          'split the silver layer into one table per source system',
          'vacuum the table with a retention of zero hours',
          'enable deletion vectors on the table',
          'store the aggregates as a materialised view over the silver table',
          'write the data as CSV so that analysts can open it directly',
          'add a generated column for the event date',
          'set the table property for automatic compaction',
          'copy the table to a second workspace every night',
        ],
        things: [
          'Delta table',
          'transaction log',
          'data file',
          'clustering key',
          'dimension table',
          'gold layer',
        ],
      },
      {
        id: 'processing-pipelines',
        name: 'Processing Pipelines',
        weight: 30,
        topics: ['declarative pipelines', 'expectations', 'job orchestration', 'incremental processing'],
        actions: [
          'define the transformation as a declarative pipeline with expectations',
          'chain the notebooks with dbutils calls from a driver notebook',
          'schedule a multi-task job with task dependencies and retries',
          'rerun the whole pipeline from scratch after every failure',
          'use a streaming table for the append-only source',
          'use a materialised view for the aggregate that is recomputed incrementally',
          'cache the intermediate DataFrame in memory between tasks',
          'add an expectation that drops rows with a null key',
          'repair the failed run so that only the failed tasks run again',
          'increase the number of shuffle partitions to 2,000',
          'enable adaptive query execution for the job cluster',
          'collect the DataFrame to the driver and loop over the rows',
          'run the job on serverless compute with a performance target',
          'replace the UDF with built-in SQL functions',
        ],
        things: ['pipeline', 'job run', 'task', 'expectation', 'streaming table', 'materialised view'],
      },
      {
        id: 'security-governance',
        name: 'Security and Governance',
        weight: 20,
        topics: ['Unity Catalog', 'row filters and column masks', 'lineage', 'audit logs'],
        actions: [
          'grant SELECT on the schema to the analysts group',
          'share the personal access token of a workspace admin',
          'apply a column mask that shows the last four digits only',
          'create a dynamic view that filters rows by group membership',
          'copy the sensitive columns to a separate storage account',
          'register the external location with a storage credential',
          'grant ALL PRIVILEGES on the catalog to every user',
          'read the system audit tables to find who changed the grant',
          'use a service principal for the production job',
          'tag the columns that hold personal data',
          'disable lineage collection to save cost',
          'rotate the secret in the secret scope and restart the job',
          'use Delta Sharing to give the partner read access',
          'email the partner a weekly export of the table',
        ],
        things: ['catalog', 'schema', 'grant', 'service principal', 'column mask', 'audit log'],
      },
    ],
  },
  {
    id: 'applied-ml-engineer-associate',
    title: 'Applied ML Engineer Associate',
    level: 'Associate',
    prefix: 'ml',
    domains: [
      {
        id: 'ml-foundations',
        name: 'ML Foundations',
        weight: 30,
        topics: ['bias and variance', 'evaluation metrics', 'cross-validation', 'class imbalance'],
        actions: [
          'use stratified k-fold cross-validation',
          'evaluate the model on the training set only',
          'report the area under the precision-recall curve',
          'report accuracy on the imbalanced test set',
          'add regularisation and compare the validation loss',
          'train a deeper model for more epochs',
          'split the data by time instead of at random',
          'oversample the minority class inside each training fold',
          'oversample the minority class before splitting the data',
          'tune the decision threshold on the validation set',
          'drop every feature with a missing value',
          'compare the model against a simple baseline',
          'compute a confusion matrix per customer segment',
          'choose the metric the business cost depends on',
        ],
        things: ['validation set', 'baseline', 'metric', 'threshold', 'learning curve', 'fold'],
      },
      {
        id: 'feature-engineering',
        name: 'Feature Engineering',
        weight: 25,
        topics: ['feature store', 'encoding', 'imputation', 'point-in-time joins'],
        actions: [
          'one-hot encode the low-cardinality categorical column',
          'label encode the city column for a linear model',
          'impute the skewed column with its median inside the pipeline',
          'impute the column with the mean of the full data set',
          'join the features as of the label timestamp',
          'join the latest feature values to every historical label',
          'publish the feature table to the online store',
          'compute the feature in the serving application by hand',
          'scale the numeric features with statistics from the training split',
          'log the model with its feature lookups',
          'hash the high-cardinality column into a fixed number of buckets',
          'add the target mean per category computed on all rows',
          'write the features to a CSV file for the serving team',
          'define an on-demand feature for the request-time value',
        ],
        things: ['feature table', 'primary key', 'timestamp key', 'online store', 'encoder', 'imputer'],
      },
      {
        id: 'model-training',
        name: 'Model Training',
        weight: 25,
        topics: ['experiment tracking', 'hyperparameter tuning', 'distributed training', 'reproducibility'],
        actions: [
          'log parameters, metrics and the model with MLflow autologging',
          'keep the results in a spreadsheet on a shared drive',
          'run the trials in parallel with SparkTrials',
          'run a full grid search over every parameter',
          'stop the search when the loss stops improving',
          'distribute the training with TorchDistributor',
          'train on the driver with a single thread',
          'fix the random seeds and log the library versions',
          'increase the learning rate until the loss diverges',
          'warm-start the tuning from the best previous run',
          'use early stopping on a held-out validation split',
          'train a separate model for every customer',
          'register the best run as a new model version',
          'retrain on the test set to use all available data',
        ],
        things: ['experiment', 'run', 'trial', 'search space', 'model version', 'artifact'],
      },
      {
        id: 'model-deployment',
        name: 'Model Deployment',
        weight: 20,
        topics: ['batch inference', 'model serving', 'aliases', 'monitoring'],
        actions: [
          'load the model by its champion alias in a scheduled batch job',
          'serve the model behind a real-time endpoint with scale to zero',
          'copy the model file to every application server',
          'score the table with the model as a Spark UDF',
          'move the champion alias back to the previous version',
          'retrain the model on every request',
          'enable inference tables on the serving endpoint',
          'compare the input distributions with the population stability index',
          'split traffic between the champion and the challenger',
          'deploy the new version to all traffic at once',
          'add a data quality monitor on the scored table',
          'pin the endpoint to a single GPU replica',
          'cache predictions for entities that rarely change',
          'delete the old model versions to save storage',
        ],
        things: ['endpoint', 'alias', 'inference table', 'monitor', 'traffic split', 'model version'],
      },
    ],
  },
  {
    id: 'platform-reliability-specialist',
    title: 'Platform Reliability Specialist',
    level: 'Specialist',
    prefix: 'rel',
    domains: [
      {
        id: 'observability',
        name: 'Observability',
        weight: 34,
        topics: ['metrics, logs and traces', 'service level objectives', 'alerting', 'dashboards'],
        actions: [
          'define a latency SLO from the user journey and alert on burn rate',
          'alert on every error log line',
          'add trace context to every outgoing request',
          'sample one trace in a million to save cost',
          'build a dashboard per service with the four golden signals',
          'page the on-call engineer when CPU passes 50%',
          'record the request duration as a histogram',
          'record the request duration as an average only',
          'attach runbook links to every alert',
          'log full request bodies including credentials',
          'aggregate the logs centrally with structured fields',
          'remove alerts that nobody has acted on in a quarter',
          'measure availability from synthetic probes outside the region',
          'add a metric label per user ID',
        ],
        things: ['SLO', 'error budget', 'trace', 'histogram', 'alert', 'dashboard'],
      },
      {
        id: 'incident-response',
        name: 'Incident Response',
        weight: 33,
        topics: ['mitigation first', 'roll back', 'communication', 'post-incident review'],
        actions: [
          'roll back the deployment that started the errors',
          'debug the root cause on the production hosts before acting',
          'declare an incident and name an incident commander',
          'wait until the next business day to inform customers',
          'fail over to the standby region following the runbook',
          'restart every service at once',
          'write a blameless review with concrete follow-up actions',
          'find the engineer who made the change',
          'freeze deployments until the error budget recovers',
          'turn off the feature flag of the new release',
          'scale the service out while the cause is investigated',
          'silence the alerts so that the team can concentrate',
          'post status updates at a fixed interval',
          'delete the logs of the failed requests',
        ],
        things: ['incident', 'runbook', 'status page', 'rollback', 'feature flag', 'review'],
      },
      {
        id: 'capacity-planning',
        name: 'Capacity Planning',
        weight: 33,
        topics: ['load testing', 'autoscaling', 'headroom', 'cost'],
        actions: [
          'load test at twice the expected peak before the launch',
          'size the fleet for the average load of last month',
          'autoscale on request concurrency with a minimum of two replicas',
          'autoscale on memory usage with a one-hour cooldown',
          'keep 30% headroom for the failure of one zone',
          'run all replicas in a single availability zone',
          'reserve capacity for the steady base load',
          'buy reserved instances for the seasonal peak only',
          'shed low-priority traffic when the queue grows',
          'raise every timeout to five minutes',
          'forecast growth from the last twelve months of traffic',
          'add a cache in front of the slowest dependency',
          'disable autoscaling during the sale',
          'set resource requests and limits per container',
        ],
        things: ['replica', 'load test', 'headroom', 'queue', 'autoscaler', 'reservation'],
      },
    ],
  },
  {
    id: 'analytics-architect-professional',
    title: 'Analytics Architect Professional',
    level: 'Professional',
    prefix: 'an',
    domains: [
      {
        id: 'data-warehousing',
        name: 'Data Warehousing',
        weight: 30,
        topics: ['star schemas', 'surrogate keys', 'fact grain', 'conformed dimensions'],
        actions: [
          'model the sales as a fact table at order-line grain',
          'store one row per customer with every order in a JSON column',
          'use surrogate keys for the dimensions',
          'join the fact table on natural keys from three source systems',
          'conform the date dimension across the marts',
          'build a separate date table for every report',
          'snapshot the inventory fact daily',
          'update the fact rows in place when a price changes',
          'add a junk dimension for the low-cardinality flags',
          'keep the staging tables as the reporting layer',
          'document the grain of every fact table',
          'denormalise the product hierarchy into the fact table',
          'load late-arriving facts against an unknown member',
          'drop the history of the customer dimension',
        ],
        things: ['fact table', 'dimension', 'grain', 'surrogate key', 'data mart', 'snapshot'],
      },
      {
        id: 'query-optimisation',
        name: 'Query Optimisation',
        weight: 25,
        topics: ['query plans', 'data skipping', 'caching', 'warehouse sizing'],
        actions: [
          'read the query profile to find the stage that spills',
          'add more memory to the warehouse without reading the profile',
          'filter on the clustering column so that files are skipped',
          'wrap the filter column in a function call',
          'use a larger warehouse size for the nightly batch only',
          'scale the warehouse out for many concurrent users',
          'cache the dashboard results and refresh them on a schedule',
          'run SELECT * over the whole table for every chart',
          'broadcast the small dimension in the join',
          'rewrite the correlated subquery as a join',
          'collect statistics on the join columns',
          'disable result caching for every query',
          'materialise the expensive aggregate',
          'increase the query timeout to one hour',
        ],
        things: ['query profile', 'warehouse', 'join', 'file pruning', 'result cache', 'statistics'],
      },
      {
        id: 'bi-and-reporting',
        name: 'BI and Reporting',
        weight: 20,
        topics: ['semantic layer', 'metric definitions', 'dashboards', 'self-service'],
        actions: [
          'define the metric once in the semantic layer',
          'let every analyst compute revenue in their own query',
          'certify the shared data sets that dashboards use',
          'export the dashboard to a spreadsheet every morning',
          'add row-level security to the semantic model',
          'give every viewer edit rights on the dashboard',
          'schedule the refresh after the gold tables load',
          'refresh the dashboard every minute',
          'show the metric definition next to the chart',
          'build one dashboard per request',
          'alert the owner when the metric leaves its usual range',
          'hide the filters to keep the page simple',
          'version the dashboard definitions in the repository',
          'embed the dashboard in the portal with a shared account',
        ],
        things: ['semantic layer', 'metric', 'dashboard', 'data set', 'refresh', 'filter'],
      },
      {
        id: 'data-quality',
        name: 'Data Quality',
        weight: 25,
        topics: ['expectations', 'freshness', 'reconciliation', 'anomaly detection'],
        actions: [
          'add a freshness check on the gold table with an alert',
          'ask users to report wrong numbers by email',
          'reconcile the row counts with the source after each load',
          'reload the full history whenever a check fails',
          'quarantine the failing rows and keep the pipeline running',
          'stop the pipeline on the first null value',
          'profile the columns and store the results over time',
          'check the distribution of the amount column against last week',
          'fix the bad values by hand in the gold table',
          'assign an owner to every critical table',
          'disable the checks during the month-end close',
          'test the transformations in CI with sample data',
          'compare the totals with the finance ledger',
          'ignore the checks that fail most often',
        ],
        things: ['check', 'expectation', 'quarantine table', 'owner', 'freshness', 'profile'],
      },
    ],
  },
  {
    id: 'streaming-systems-associate',
    title: 'Streaming Systems Associate',
    level: 'Associate',
    prefix: 'st',
    domains: [
      {
        id: 'event-ingestion',
        name: 'Event Ingestion',
        weight: 40,
        topics: ['topics and partitions', 'producers', 'schemas', 'retention'],
        actions: [
          'key the events by account ID so that each account stays ordered',
          'send every event to a single partition',
          'register the event schema and check compatibility',
          'send the events as free-form JSON strings',
          'enable idempotent producers',
          'retry failed sends without any limit',
          'set the retention long enough to replay a day',
          'delete the topic after every deployment',
          'compress the batches on the producer',
          'add partitions to the topic during the peak',
          'batch the events for up to 50 ms on the producer',
          'use one topic per customer',
          'include an event ID for deduplication',
          'write the events to a database table and poll it',
        ],
        things: ['topic', 'partition', 'producer', 'schema registry', 'offset', 'retention'],
      },
      {
        id: 'stream-processing',
        name: 'Stream Processing',
        weight: 35,
        topics: ['windows', 'watermarks', 'state', 'joins'],
        actions: [
          'set a watermark of ten minutes on the event time',
          'aggregate by processing time',
          'use tumbling windows of five minutes',
          'keep unbounded state for every key',
          'join the two streams within a time bound',
          'join the stream with the whole history of the other stream',
          'store the state in RocksDB',
          'collect the micro-batch on the driver',
          'trigger the query every second',
          'restart the query without its checkpoint',
          'use foreachBatch to merge the results into the table',
          'drop late events without any metric',
          'emit updates in append mode after the watermark passes',
          'use session windows with a 30-minute gap',
        ],
        things: ['window', 'watermark', 'state store', 'trigger', 'micro-batch', 'checkpoint'],
      },
      {
        id: 'delivery-guarantees',
        name: 'Delivery Guarantees',
        weight: 25,
        topics: ['at-least-once', 'exactly-once', 'idempotent sinks', 'offsets'],
        actions: [
          'make the sink idempotent with a merge on the event ID',
          'commit the offsets before processing the batch',
          'use transactional writes with the checkpoint',
          'disable retries to avoid duplicates',
          'store the offsets together with the results',
          'deduplicate on the event ID within the watermark',
          'accept duplicates and fix them in the reports',
          'replay the topic from the earliest offset every day',
          'write each record to the sink twice to be safe',
          'use the batch ID to skip batches that were already written',
          'acknowledge the message before it is stored',
          'monitor the consumer lag per partition',
          'send the failed events to a dead-letter topic',
          'drop the failed events silently',
        ],
        things: ['offset', 'sink', 'checkpoint', 'dead-letter topic', 'consumer lag', 'batch ID'],
      },
    ],
  },
];

const TEAMS = [
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
const COMPANIES = [
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
const VOLUMES = [
  '2 TB of clickstream events a day',
  '40 million customer records',
  '300,000 sensor readings per second',
  'about 12,000 orders an hour',
  'a 6 TB history of transactions',
  '800 source tables from three ERP systems',
  'roughly 5 million API calls a day',
  '150 GB of new log data every night',
];
const CONSTRAINTS = [
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
const OBSERVATIONS = [
  'Last week the nightly run took three hours longer than usual.',
  'The dashboard showed a sudden drop in the daily totals on Monday.',
  'Two consumers report different numbers for the same metric.',
  'Error rates rose from 0.1% to 4% right after the last release.',
  'The job fails about once a week with an out-of-memory error.',
  'Queries from the finance team time out during the month-end close.',
  'The monitoring shows that the input distribution moved over the last month.',
  'A partner asked for read access to a subset of the data.',
];
const ROLES = ['data engineer', 'ML engineer', 'platform architect', 'analyst', 'reliability engineer'];
const ASKS = [
  'Which approach meets the requirement?',
  'What should the {role} do **first**?',
  'Which design is the most cost-effective?',
  'Which change solves the problem with the **least** operational effort?',
  'Which option should the {role} recommend?',
  'What is the best next step?',
];
const WRONG_WHY = [
  'This ignores the constraint stated in the scenario.',
  'It adds an always-on cost that the budget does not allow.',
  'It treats the symptom and leaves the cause in place.',
  'It works for small volumes only and does not scale to this workload.',
  'It breaks the audit requirement because nobody can trace the change.',
  'It creates a second copy of the data that drifts out of sync.',
  'It needs manual work on every run, which the team cannot staff.',
  'It makes the results non-reproducible.',
];
const RIGHT_WHY = [
  'This is the option that respects every constraint in the stem.',
  'It addresses the cause directly and keeps the operating cost low.',
  'It is the documented pattern for this situation.',
  'It scales with the workload without manual steps.',
];
const QUALIFIERS = [
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
const CONNECTORS = [
  'In practice',
  'On the exam',
  'For most teams',
  'As a rule of thumb',
  'In the scenario questions',
  'When in doubt',
  'Historically',
  'In production',
];
const VERBS = ['decides', 'limits', 'shapes', 'simplifies', 'complicates', 'drives', 'protects', 'exposes'];
const FAQ_QUESTIONS = [
  'How long should I prepare?',
  'Which domain is the hardest?',
  'Are the questions scenario based?',
  'Do I need hands-on experience?',
  'How is multiple select scored?',
  'Can I retake the exam?',
  'Which resources help most?',
  'Is the exam available online?',
];

// ---------------------------------------------------------------------------
// Text building blocks
// ---------------------------------------------------------------------------

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function sentence(r: Random, domain: DomainSpec): string {
  const thing = r.pick(domain.things);
  const other = r.pick(domain.things);
  const topic = r.pick(domain.topics);
  switch (r.int(0, 7)) {
    case 0:
      return `${r.pick(CONNECTORS)}, the ${thing} ${r.pick(VERBS)} how ${topic} behaves once the ${other} grows.`;
    case 1:
      return `A common mistake is to ${r.pick(domain.actions)} when the real goal is to ${r.pick(domain.actions)}.`;
    case 2:
      return `Know when to ${r.pick(domain.actions)}: the answer usually depends on the ${thing} and on ${topic}.`;
    case 3:
      return `The \`${slugify(thing).replace(/-/g, '_')}\` setting ${r.pick(VERBS)} the ${other}, so read it before you change anything.`;
    case 4:
      return `Questions about **${topic}** often hide the deciding fact in the last line of the scenario.`;
    case 5:
      return `If the ${thing} is shared by several teams, *ownership* matters as much as ${topic}.`;
    case 6:
      return `${capitalise(topic)} is easier to reason about when you draw the ${thing} and the ${other} side by side.`;
    default:
      return `See the [${topic} reference](https://docs.example.com/${slugify(topic)}) for the exact defaults of the ${thing}.`;
  }
}

function paragraph(r: Random, domain: DomainSpec, sentences = r.int(3, 6)): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r, domain));
  // Wrap at roughly 100 characters like hand-written Markdown.
  const words = out.join(' ').split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line.length + word.length + 1 > 100 && line.length > 0) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function bulletList(r: Random, domain: DomainSpec, items = r.int(3, 5)): string {
  return r
    .sample(domain.actions, items)
    .map((action) => `- **${capitalise(action.split(' ').slice(0, 2).join(' '))}**: ${sentence(r, domain)}`)
    .join('\n');
}

function table(r: Random, domain: DomainSpec): string {
  const columns = r.sample(['Cost', 'Latency', 'Effort', 'Risk', 'Freshness', 'Scale'], r.int(2, 4));
  const rows = r.sample(domain.actions, r.int(3, 5));
  const levels = ['Low', 'Medium', 'High', 'Very high', 'Minutes', 'Seconds', 'Hours'];
  const header = `| Option | ${columns.join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map((row) => `| ${capitalise(row)} | ${columns.map(() => r.pick(levels)).join(' | ')} |`);
  return [header, rule, ...body].join('\n');
}

function codeBlock(r: Random, domain: DomainSpec): string {
  const table = `main.${slugify(domain.id).replace(/-/g, '_')}.${slugify(r.pick(domain.things)).replace(/-/g, '_')}`;
  switch (r.int(0, 2)) {
    case 0:
      return [
        '```python',
        `df = spark.read.table("${table}")`,
        `result = (df.filter("event_date >= current_date() - INTERVAL ${r.int(1, 30)} DAYS")`,
        `          .groupBy("${r.pick(['customer_id', 'region', 'device_type', 'product_id'])}")`,
        '          .agg(F.count("*").alias("events")))',
        `result.write.mode("overwrite").saveAsTable("${table}_daily")`,
        '```',
      ].join('\n');
    case 1:
      return [
        '```sql',
        `SELECT ${r.pick(['region', 'customer_id', 'status'])}, count(*) AS n`,
        `FROM ${table}`,
        `WHERE updated_at > now() - INTERVAL ${r.int(1, 48)} HOURS`,
        'GROUP BY ALL',
        'ORDER BY n DESC;',
        '```',
      ].join('\n');
    default:
      return [
        '```yaml',
        'resources:',
        '  jobs:',
        `    ${slugify(domain.name).replace(/-/g, '_')}:`,
        `      name: ${domain.name} refresh`,
        '      schedule:',
        `        quartz_cron_expression: "0 ${r.int(0, 59)} ${r.int(0, 23)} * * ?"`,
        '      max_retries: 2',
        '```',
      ].join('\n');
  }
}

// ---------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------

interface QuestionText {
  /** Directive form: `::::question{…}` … `::::` */
  directive: string;
  /** Plain form: `### heading` + task list + `Explanation:` (no attributes). */
  plain: string;
}

/** Balanced correct positions: cycles through the positions per option count, shuffled in blocks. */
class PositionDeck {
  private decks = new Map<number, number[]>();
  private readonly r: Random;
  constructor(r: Random) {
    this.r = r;
  }
  draw(options: number): number {
    let deck = this.decks.get(options);
    if (!deck || deck.length === 0) {
      deck = this.r.shuffle(Array.from({ length: options }, (_, i) => i));
      this.decks.set(options, deck);
    }
    return deck.pop() as number;
  }
}

function question(
  r: Random,
  deck: PositionDeck,
  id: string,
  domain: DomainSpec,
  attributes: string,
  serial: number,
): QuestionText {
  const role = r.pick(ROLES);
  const multiple = r.chance(0.15);
  const optionCount = multiple ? 5 : r.chance(0.3) ? 5 : 4;
  const actions = r.sample(domain.actions, optionCount);
  const options = actions.map((action) => capitalise(action) + r.pick(QUALIFIERS));
  const correct = new Set<number>();
  if (multiple) {
    for (const index of r.sample([0, 1, 2, 3, 4], 2)) correct.add(index);
  } else correct.add(deck.draw(optionCount));

  const stemLines = [
    `Case ${serial}: the ${r.pick(TEAMS)} at ${r.pick(COMPANIES)} handles ${r.pick(VOLUMES)}; the ${r.pick(domain.things)} is at the centre of the problem.`,
    r.pick(OBSERVATIONS),
    r.pick(CONSTRAINTS),
  ];
  if (r.chance(0.3))
    stemLines.push(
      `The current set-up uses \`${slugify(r.pick(domain.things))}\` for ${r.pick(domain.topics)}.`,
    );
  const ask = multiple
    ? `Which **two** actions should the ${role} take? Select two.`
    : r.pick(ASKS).replace('{role}', role);
  stemLines.push(ask);

  const optionLines: string[] = [];
  options.forEach((text, index) => {
    const right = correct.has(index);
    optionLines.push(`- [${right ? 'x' : ' '}] ${text}`);
    if (right ? r.chance(0.4) : r.chance(0.7))
      optionLines.push(`  > ${r.pick(right ? RIGHT_WHY : WRONG_WHY)}`);
  });

  const explanation = [paragraph(r, domain, r.int(2, 4))];
  if (r.chance(0.5)) {
    explanation.push(
      [...correct]
        .map((index) => `- ${capitalise(actions[index] as string)}: ${r.pick(RIGHT_WHY).toLowerCase()}`)
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

// ---------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------

function examFile(exam: ExamSpec, guideSlugs: string[], questionCount: number): string {
  const studyGuide = guideSlugs[0];
  const domains = exam.domains
    .map((d, index) =>
      [
        `  - id: ${d.id}`,
        `    name: ${d.name}`,
        `    weight: ${d.weight}`,
        `    topics: [${d.topics.join(', ')}]`,
        ...(studyGuide
          ? [
              `    studyGuide: { guide: ${studyGuide}, section: ${slugify(`Domain ${index + 1}: ${d.name}`)} }`,
            ]
          : []),
      ].join('\n'),
    )
    .join('\n');
  return `---
title: ${exam.title}
vendor: Example Cloud
level: ${exam.level}
summary: "${exam.title}: ${exam.domains.map((d) => d.name.toLowerCase()).join(', ')}."
questionCount: ${questionCount}
durationMinutes: ${questionCount * 2}
passingScore: 70 # percent
fee: { amount: 200, currency: USD, note: excluding tax }
languages: [English, Japanese]
validityYears: 2
format: Single and multiple choice, mostly scenarios
scoring: { multipleSelect: all-or-nothing }
guides: [${guideSlugs.slice(0, 3).join(', ')}]
domains:
${domains}
---

The ${exam.title} exam checks whether you can apply the platform to real problems rather than
recite its features. Most questions are short scenarios that end in a constraint.

| Item | Detail |
| --- | --- |
| Questions | ${questionCount} |
| Time | ${questionCount * 2} minutes |
| Passing score | 70% |
`;
}

function guideFile(
  r: Random,
  exam: ExamSpec,
  index: number,
  related: string[],
  inline: string | undefined,
  embedId: string | undefined,
  targetBytes: number,
): string {
  const title = `${exam.title}: ${r.pick(['complete guide', 'study notes', 'exam tips', 'domain deep dive', 'practice plan'])} ${index + 1}`;
  const d0 = exam.domains[0] as DomainSpec;
  const head = `---
title: "${title}"
description: How the ${exam.title} exam works, what each domain tests and how to prepare.
vendor: Example Cloud
exams: [${exam.id}]
published: 2026-0${r.int(1, 9)}-1${r.int(0, 9)}
updated: 2026-10-2${r.int(0, 9)}
authors: [examdown editorial team]
tags: [${r.sample(['cloud', 'data', 'certification', 'study-plan', exam.prefix, 'practice'], 3).join(', ')}]
related: [${related.join(', ')}]
locale: en
---
`;
  const parts: string[] = [head, paragraph(r, d0, 5), '## Exam at a glance', table(r, d0)];
  parts.push('### Budgeting your time', paragraph(r, d0, 3), bulletList(r, d0, 3));
  exam.domains.forEach((domain, k) => {
    parts.push(`## Domain ${k + 1}: ${domain.name}`, paragraph(r, domain));
    for (const topic of r.sample(domain.topics, 2)) {
      parts.push(`### ${capitalise(topic)}`, paragraph(r, domain), bulletList(r, domain));
      if (r.chance(0.6)) parts.push(table(r, domain));
      if (r.chance(0.5)) parts.push(codeBlock(r, domain));
    }
  });
  parts.push('## Try a question');
  if (inline) parts.push(inline);
  if (embedId) parts.push(`::question{#${embedId}}`);
  const tail = [
    '## Study plan',
    exam.domains
      .map((d, k) => `${k + 1}. Week ${k * 2 + 1}–${k * 2 + 2}: ${d.name}, ${r.pick(d.topics)}.`)
      .join('\n'),
    '## FAQ',
    ':::faq',
    ...r.sample(FAQ_QUESTIONS, 3).flatMap((q) => [`### ${q}`, paragraph(r, d0, 2)]),
    ':::',
  ];
  // Pad the body with more prose until the guide reaches its target size.
  let size = [...parts, ...tail].join('\n\n').length;
  let extra = 1;
  while (size < targetBytes) {
    const domain = r.pick(exam.domains);
    const block = [
      `### Notes ${extra}: ${capitalise(r.pick(domain.topics))}`,
      paragraph(r, domain),
      bulletList(r, domain),
    ];
    parts.splice(parts.length - 2, 0, ...block);
    size += block.join('\n\n').length + 6;
    extra++;
  }
  return `${[...parts, ...tail].join('\n\n')}\n`;
}

export function generateCorpus(options: CorpusOptions): Corpus {
  const r = new Random(options.seed);
  const deck = new PositionDeck(r);
  const dir = options.out ? path.resolve(options.out) : mkdtempSync(path.join(tmpdir(), 'examdown-corpus-'));
  for (const sub of ['exams', 'guides', 'questions'])
    rmSync(path.join(dir, sub), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();

  const total = Math.max(0, Math.floor(options.questions));
  const guideCount = Math.max(0, Math.floor(options.guides));
  // A few exams, each with a bank large enough to fill its blueprint several times over.
  const examCount = Math.max(1, Math.min(EXAMS.length, Math.ceil(total / 2500), Math.floor(total / 60) || 1));
  const exams = EXAMS.slice(0, examCount);
  const questionCount = Math.max(1, Math.min(60, Math.floor(total / examCount / 2)));

  // Half of the guides define their question inline (it counts towards the total); the others
  // embed a bank question with ::question{#id}.
  const inlineGuides = Math.min(Math.ceil(guideCount / 2), Math.floor(total / 10));
  const bankTotal = total - inlineGuides;

  const guideSlugs = exams.map(() => [] as string[]);
  for (let g = 0; g < guideCount; g++) {
    const e = g % examCount;
    guideSlugs[e]?.push(`${exams[e]?.prefix}-guide-${String(g + 1).padStart(4, '0')}`);
  }

  // Bank questions, per exam and domain in proportion to the weights.
  const bankIds: string[][] = exams.map(() => []);
  let serial = 1;
  exams.forEach((exam, e) => {
    const share = Math.floor(bankTotal / examCount) + (e < bankTotal % examCount ? 1 : 0);
    const perDomain = exam.domains.map((d) => Math.floor((share * d.weight) / 100));
    let rest = share - perDomain.reduce((a, b) => a + b, 0);
    for (let k = 0; rest > 0; k = (k + 1) % perDomain.length, rest--) perDomain[k] = (perDomain[k] ?? 0) + 1;
    exam.domains.forEach((domain, k) => {
      const count = perDomain[k] ?? 0;
      const perFile = 20;
      for (let f = 0; f * perFile < count; f++) {
        const n = Math.min(perFile, count - f * perFile);
        const plainStyle = f % 20 === 19; // about 5% of the bank files use the plain public style
        const blocks: string[] = [];
        for (let q = 0; q < n; q++) {
          const id = `${exam.prefix}-${domain.id}-${String(serial).padStart(5, '0')}`;
          const attributes = [
            r.chance(0.7) ? ` difficulty=${r.pick(['easy', 'medium', 'hard'])}` : '',
            r.chance(0.5) ? ` topics="${r.sample(domain.topics, 2).map(slugify).join(',')}"` : '',
          ].join('');
          const text = question(r, deck, id, domain, attributes, serial);
          blocks.push(plainStyle ? text.plain : text.directive);
          if (!plainStyle) bankIds[e]?.push(id);
          serial++;
        }
        const front = `---\ndomain: ${domain.id}\n${plainStyle ? 'difficulty: medium\n' : ''}---\n`;
        const file = `questions/${exam.id}/${domain.id}-${String(f + 1).padStart(3, '0')}.md`;
        files.set(file, `${front}\n${blocks.join('\n\n')}\n`);
      }
    });
  });

  let inlineLeft = inlineGuides;
  for (let g = 0; g < guideCount; g++) {
    const e = g % examCount;
    const exam = exams[e] as ExamSpec;
    const slugs = guideSlugs[e] as string[];
    const slug = slugs[Math.floor(g / examCount)] as string;
    const others = slugs.filter((s) => s !== slug);
    const related = r.sample(others, Math.min(3, others.length));
    let inline: string | undefined;
    let embed: string | undefined;
    if (g % 2 === 0 && inlineLeft > 0) {
      const domain = r.pick(exam.domains);
      inline = question(r, deck, `${slug}-try-it`, domain, ` domain=${domain.id}`, serial++).directive;
      inlineLeft--;
    } else {
      const ids = bankIds[e] as string[];
      embed = ids.length > 0 ? r.pick(ids) : undefined;
    }
    const target = Math.round(15_000 * (0.9 + r.next() * 0.2));
    files.set(`guides/${slug}.md`, guideFile(r, exam, g, related, inline, embed, target));
  }

  exams.forEach((exam, e) => {
    files.set(`exams/${exam.id}.md`, examFile(exam, guideSlugs[e] ?? [], questionCount));
  });

  let bytes = 0;
  for (const [rel, text] of files) {
    const target = path.join(dir, rel);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    bytes += Buffer.byteLength(text);
  }
  return {
    dir,
    exams: examCount,
    guides: guideCount,
    questions: total,
    files: files.size,
    bytes,
    bankFiles: [...files.keys()].filter((p) => p.startsWith('questions/')).sort(),
  };
}

export function parseCorpusArgs(argv: string[]): CorpusOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      guides: { type: 'string' },
      questions: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
    },
    strict: true,
  });
  const number = (name: string, value: string | undefined, fallback: number): number => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number >= 0, not '${value}'`);
    return n;
  };
  return {
    guides: number('guides', values.guides, DEFAULT_CORPUS.guides),
    questions: number('questions', values.questions, DEFAULT_CORPUS.questions),
    seed: number('seed', values.seed, DEFAULT_CORPUS.seed),
    out: values.out,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const corpus = generateCorpus(parseCorpusArgs(process.argv.slice(2)));
    const { bankFiles: _, ...summary } = corpus;
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } catch (error) {
    process.stderr.write(`corpus: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
