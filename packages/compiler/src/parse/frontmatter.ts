/**
 * Frontmatter: YAML (with error positions) validated by a zod schema. Problems become
 * diagnostics at the offending key's line and column in the Markdown file.
 */
import type { Root, Yaml } from 'mdast';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import { type Diagnostic, diagnostic, didYouMean, type Span } from '../diagnostics.js';

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
  diagnostics: Diagnostic[];
}

const FILE_START: Span = { start: { line: 1, column: 1 } };

export function parseFrontmatter<S extends z.ZodType>(
  file: string,
  tree: Root,
  schema: S,
  options: { required: boolean },
): Frontmatter<z.output<S>> {
  const first = tree.children[0];
  const node = first?.type === 'yaml' ? (first as Yaml) : undefined;
  if (!node) {
    if (!options.required) {
      const empty = schema.safeParse({});
      if (empty.success) return { data: empty.data, raw: {}, span: FILE_START, keys: {}, diagnostics: [] };
    }
    return {
      data: undefined,
      raw: undefined,
      span: FILE_START,
      keys: {},
      diagnostics: [
        diagnostic(
          file,
          'frontmatter-missing',
          'the file must start with a YAML frontmatter block (---)',
          FILE_START,
        ),
      ],
    };
  }
  const fenceLine = node.position?.start.line ?? 1;
  const span: Span = { start: { line: fenceLine, column: 1 } };
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // The YAML text starts on the line after the opening fence.
  const at = (offset: number): { line: number; column: number } => {
    const pos = lineCounter.linePos(offset);
    return { line: fenceLine + pos.line, column: pos.col };
  };
  if (doc.errors.length > 0) {
    return {
      data: undefined,
      raw: undefined,
      span,
      keys: {},
      diagnostics: doc.errors.map((error) =>
        diagnostic(file, 'frontmatter-yaml', `invalid YAML: ${firstLine(error.message)}`, {
          start: at(error.pos[0]),
          end: at(error.pos[1]),
        }),
      ),
    };
  }
  const keys: KeySpans = {};
  collectKeySpans(doc.contents, '', keys, at);
  const raw: unknown = doc.toJS() ?? {};
  const result = schema.safeParse(raw);
  if (result.success) return { data: result.data, raw, span, keys, diagnostics: [] };

  const diagnostics: Diagnostic[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const where = keys[[...path, key].join('.')] ?? spanOf(keys, path) ?? span;
        diagnostics.push(
          diagnostic(file, 'frontmatter-unknown-key', `unknown key '${key}'${didYouMean(key, known)}`, where),
        );
      }
      continue;
    }
    const where = spanOf(keys, path) ?? span;
    const name = describePath(path);
    const present = keys[path.join('.')] !== undefined;
    const message =
      present || path.length === 0 ? `${name}: ${issue.message}` : `missing required key ${name}`;
    diagnostics.push(diagnostic(file, 'frontmatter-invalid', message, where));
  }
  return { data: undefined, raw, span, keys, diagnostics: dropMisspelledRequired(diagnostics) };
}

/**
 * `titel: …` gives both "unknown key 'titel'; did you mean 'title'?" and "missing required
 * key 'title'": one typo, one diagnostic.
 */
function dropMisspelledRequired(diagnostics: Diagnostic[]): Diagnostic[] {
  const suggested = new Set(
    diagnostics.flatMap((d) => {
      const match = d.rule === 'frontmatter-unknown-key' ? /did you mean '([^']+)'/.exec(d.message) : null;
      return match?.[1] ? [match[1]] : [];
    }),
  );
  return diagnostics.filter((d) => {
    const match = /^missing required key '(?:.*\.)?([^'.\]]+)'$/.exec(d.message);
    return !(match?.[1] && suggested.has(match[1]));
  });
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

/** The span of the deepest existing ancestor of `path` (a missing key points at its parent). */
export function spanOf(keys: KeySpans, path: readonly string[]): Span | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = keys[path.slice(0, n).join('.')];
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
