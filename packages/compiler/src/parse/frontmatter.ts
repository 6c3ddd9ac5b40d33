/**
 * Frontmatter: YAML (with error positions) validated by a zod schema. Problems are reported on
 * the file at the offending key's line and column.
 */
import type { Root, Yaml } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { type RuleId, report, type Span } from '../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';

/** Dotted path ('domains.0.weight') → where that key (or list item) is written. Serializable. */
export type KeySpans = Record<string, Span>;

export interface Frontmatter<T> {
  /** The validated data; undefined when missing or invalid. */
  data: T | undefined;
  /** The YAML as parsed, before validation (so a broken file can still say what its id is). */
  raw: unknown;
  /** Where the opening `---` is (line 1 when present). */
  span: Span;
  keys: KeySpans;
}

/** A problem found before it is reported (a typo yields two that are one: see dropMisspelledRequired). */
interface Problem {
  rule: RuleId;
  message: string;
  at: Span;
}

const FILE_START: Span = { start: { line: 1, column: 1 } };

export function parseFrontmatter<S extends z.ZodType>(
  file: VFile,
  tree: Root,
  schema: S,
  options: { required: boolean },
): Frontmatter<z.output<S>> {
  const first = tree.children[0];
  const node = first?.type === 'yaml' ? (first as Yaml) : undefined;
  if (!node) {
    if (!options.required) {
      const empty = schema.safeParse({});
      if (empty.success) return { data: empty.data, raw: {}, span: FILE_START, keys: {} };
    }
    report(
      file,
      'frontmatter-missing',
      'the file must start with a YAML frontmatter block (---)',
      FILE_START,
    );
    return { data: undefined, raw: undefined, span: FILE_START, keys: {} };
  }
  const fenceLine = node.position?.start.line ?? 1;
  const span: Span = { start: { line: fenceLine, column: 1 } };
  // resolveKnownTags: false — YAML 1.1 tags (!!binary, !!set, !!timestamp …) stay plain strings
  // instead of becoming Buffers, Sets or Dates that no frontmatter schema expects.
  const doc = parseDocument(node.value, { prettyErrors: false, uniqueKeys: true, resolveKnownTags: false });
  // The YAML text starts on the line after the opening fence.
  const at = positionsIn(node.value, fenceLine + 1);
  // Aliases are resolved by toJS: an unknown anchor or an alias bomb throws there.
  let raw: unknown;
  let aliasError: string | undefined;
  if (doc.errors.length === 0) {
    try {
      raw = doc.toJS({ maxAliasCount: 100 }) ?? {};
    } catch (error) {
      aliasError = error instanceof Error ? error.message : String(error);
    }
  }
  if (aliasError !== undefined) {
    report(file, 'frontmatter-yaml', `invalid YAML: ${firstLine(aliasError)}`, span);
    return { data: undefined, raw: undefined, span, keys: {} };
  }
  // The first error only: the YAML parser reports one per token after it (a line of
  // 5,000 '[' gives 5,000 errors), and fixing the first one is what the author does next.
  const [error] = doc.errors;
  if (error) {
    const more = doc.errors.length - 1;
    const suffix = more > 0 ? ` (${more} more YAML error${more === 1 ? '' : 's'} after it)` : '';
    report(file, 'frontmatter-yaml', `invalid YAML: ${firstLine(error.message)}${suffix}`, {
      start: at(error.pos[0]),
      end: at(error.pos[1]),
    });
    return { data: undefined, raw: undefined, span, keys: {} };
  }
  // No prototype: a key named 'toString' or '__proto__' is just a key.
  const keys: KeySpans = Object.create(null) as KeySpans;
  collectKeySpans(doc.contents, '', keys, at);
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, raw, span, keys };

  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const where = spanAt(keys, [...path, key].join('.')) ?? spanOf(keys, path) ?? span;
        problems.push({
          rule: 'frontmatter-unknown-key',
          message: `unknown key '${key}'${didYouMean(key, known)}`,
          at: where,
        });
      }
      continue;
    }
    const where = spanOf(keys, path) ?? span;
    const name = describePath(path);
    const present = spanAt(keys, path.join('.')) !== undefined;
    const message =
      present || path.length === 0 ? `${name}: ${issue.message}` : `missing required key ${name}`;
    problems.push({ rule: 'frontmatter-invalid', message, at: where });
  }
  for (const p of dropMisspelledRequired(problems)) report(file, p.rule, p.message, p.at);
  return { data: undefined, raw, span, keys };
}

/**
 * `titel: …` gives both "unknown key 'titel'; did you mean 'title'?" and "missing required
 * key 'title'": one typo, one diagnostic.
 */
function dropMisspelledRequired(problems: Problem[]): Problem[] {
  const suggested = new Set(
    problems.flatMap((d) => {
      const match = d.rule === 'frontmatter-unknown-key' ? /did you mean '([^']+)'/.exec(d.message) : null;
      return match?.[1] ? [match[1]] : [];
    }),
  );
  return problems.filter((d) => {
    const match = /^missing required key '(?:.*\.)?([^'.\]]+)'$/.exec(d.message);
    return !(match?.[1] && suggested.has(match[1]));
  });
}

/**
 * Offset in `text` → line and column in the file, `text` starting at column 1 of `firstLine`.
 * Lines end at \r\n, \r or \n, as in the Markdown parser's positions (the YAML library's own
 * line counter only sees \n, and not inside every token), and offsets are clamped to the text.
 */
function positionsIn(text: string, firstLine: number): (offset: number) => { line: number; column: number } {
  const starts = [0];
  const ends: number[] = [];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) {
    ends.push(match.index);
    starts.push(match.index + match[0].length);
  }
  ends.push(text.length);
  return (offset) => {
    const at = Math.max(0, Math.min(Number.isFinite(offset) ? offset : 0, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= at) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line ending (between \r and \n) is the end of that line.
    return { line: firstLine + low, column: Math.min(at, ends[low] as number) - (starts[low] as number) + 1 };
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}

/** 'domains.0.weight' → "'domains[0].weight'" for messages. */
export function describePath(path: readonly string[]): string {
  if (path.length === 0) return 'frontmatter';
  const text = path.map((p, i) => (/^\d+$/.test(p) ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  return `'${text}'`;
}

/**
 * keys[key], own properties only: key spans may have been through JSON (the cache), and an
 * author's key may be called 'constructor' or 'toString'.
 */
export function spanAt(keys: KeySpans, key: string): Span | undefined {
  return Object.hasOwn(keys, key) ? keys[key] : undefined;
}

/** The span of the deepest existing ancestor of `path` (a missing key points at its parent). */
export function spanOf(keys: KeySpans, path: readonly string[]): Span | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = spanAt(keys, path.slice(0, n).join('.'));
    if (found) return found;
  }
  return undefined;
}

function collectKeySpans(
  node: unknown,
  prefix: string,
  out: KeySpans,
  at: (offset: number) => { line: number; column: number },
): void {
  const join = (k: string) => (prefix ? `${prefix}.${k}` : k);
  const spanOfNode = (n: YamlNode | null | undefined): Span | undefined =>
    n?.range ? { start: at(n.range[0]), end: at(n.range[1]) } : undefined;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined) continue;
      const where = spanOfNode(keyNode);
      if (where) out[join(key)] = where;
      collectKeySpans(pair.value, join(key), out, at);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const where = spanOfNode(item as YamlNode);
      if (where) out[join(String(index))] = where;
      collectKeySpans(item, join(String(index)), out, at);
    });
  }
}

/** Keys the schema allows at `path`, for did-you-mean. Walks optional/default/array/record wrappers. */
function knownKeys(schema: z.ZodType, path: readonly string[]): string[] {
  let current: unknown = schema;
  const unwrap = (s: unknown): unknown => {
    let node = s as { def?: { type?: string; innerType?: unknown } };
    while (
      node?.def &&
      ['optional', 'default', 'nullable', 'prefault', 'readonly'].includes(node.def.type ?? '')
    ) {
      node = node.def.innerType as typeof node;
    }
    return node;
  };
  for (const segment of path) {
    const node = unwrap(current) as {
      def?: { type?: string; element?: unknown; valueType?: unknown };
      shape?: Record<string, unknown>;
    };
    if (node.def?.type === 'object' && node.shape) current = node.shape[segment];
    else if (node.def?.type === 'array') current = node.def.element;
    else if (node.def?.type === 'record') current = node.def.valueType;
    else return [];
  }
  const node = unwrap(current) as { def?: { type?: string }; shape?: Record<string, unknown> };
  return node.def?.type === 'object' && node.shape ? Object.keys(node.shape) : [];
}
