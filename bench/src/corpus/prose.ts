/**
 * Prose building blocks for the corpus: sentences, wrapped paragraphs, lists, tables and code
 * blocks about one exam domain, all drawn from a seeded stream.
 */
import { between, oneOf, type Random, sample } from './dice.ts';
import type { DomainSpec } from './exams.ts';
import { CONNECTORS, VERBS } from './words.ts';

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function sentence(r: Random, domain: DomainSpec): string {
  const thing = oneOf(domain.things, r);
  const other = oneOf(domain.things, r);
  const topic = oneOf(domain.topics, r);
  switch (between(0, 7, r)) {
    case 0:
      return `${oneOf(CONNECTORS, r)}, the ${thing} ${oneOf(VERBS, r)} how ${topic} behaves once the ${other} grows.`;
    case 1:
      return `A common mistake is to ${oneOf(domain.actions, r)} when the real goal is to ${oneOf(domain.actions, r)}.`;
    case 2:
      return `Know when to ${oneOf(domain.actions, r)}: the answer usually depends on the ${thing} and on ${topic}.`;
    case 3:
      return `The \`${slugify(thing).replace(/-/g, '_')}\` setting ${oneOf(VERBS, r)} the ${other}, so read it before you change anything.`;
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

export function paragraph(r: Random, domain: DomainSpec, sentences = between(3, 6, r)): string {
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

export function bulletList(r: Random, domain: DomainSpec, items = between(3, 5, r)): string {
  return sample(domain.actions, items, r)
    .map((action) => `- **${capitalise(action.split(' ').slice(0, 2).join(' '))}**: ${sentence(r, domain)}`)
    .join('\n');
}

export function table(r: Random, domain: DomainSpec): string {
  const columns = sample(['Cost', 'Latency', 'Effort', 'Risk', 'Freshness', 'Scale'], between(2, 4, r), r);
  const rows = sample(domain.actions, between(3, 5, r), r);
  const levels = ['Low', 'Medium', 'High', 'Very high', 'Minutes', 'Seconds', 'Hours'];
  const header = `| Option | ${columns.join(' | ')} |`;
  const rule = `| --- | ${columns.map(() => '---').join(' | ')} |`;
  const body = rows.map(
    (row) => `| ${capitalise(row)} | ${columns.map(() => oneOf(levels, r)).join(' | ')} |`,
  );
  return [header, rule, ...body].join('\n');
}

export function codeBlock(r: Random, domain: DomainSpec): string {
  const table = `main.${slugify(domain.id).replace(/-/g, '_')}.${slugify(oneOf(domain.things, r)).replace(/-/g, '_')}`;
  switch (between(0, 2, r)) {
    case 0:
      return [
        '```python',
        `df = spark.read.table("${table}")`,
        `result = (df.filter("event_date >= current_date() - INTERVAL ${between(1, 30, r)} DAYS")`,
        `          .groupBy("${oneOf(['customer_id', 'region', 'device_type', 'product_id'], r)}")`,
        '          .agg(F.count("*").alias("events")))',
        `result.write.mode("overwrite").saveAsTable("${table}_daily")`,
        '```',
      ].join('\n');
    case 1:
      return [
        '```sql',
        `SELECT ${oneOf(['region', 'customer_id', 'status'], r)}, count(*) AS n`,
        `FROM ${table}`,
        `WHERE updated_at > now() - INTERVAL ${between(1, 48, r)} HOURS`,
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
        `        quartz_cron_expression: "0 ${between(0, 59, r)} ${between(0, 23, r)} * * ?"`,
        '      max_retries: 2',
        '```',
      ].join('\n');
  }
}
