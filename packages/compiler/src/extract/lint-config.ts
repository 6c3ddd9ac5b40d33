/** `lint: { ignore: { rule: reason } }` in frontmatter → silenced rules, checked like `ignore=`. */
import { type Diagnostic, diagnostic, LINT_RULES, type RuleId, type Span } from '../diagnostics.js';
import type { KeySpans } from '../parse/frontmatter.js';
import type { LintConfig } from '../schema/frontmatter.js';
import { unknownRule } from './question.js';

export function readLintConfig(
  file: string,
  lint: LintConfig | undefined,
  keys: KeySpans,
  fallback: Span,
  diagnostics: Diagnostic[],
): RuleId[] {
  const silenced: RuleId[] = [];
  for (const [rule, reason] of Object.entries(lint?.ignore ?? {})) {
    const span = keys[`lint.ignore.${rule}`] ?? keys['lint.ignore'] ?? fallback;
    if ((LINT_RULES as string[]).includes(rule)) silenced.push(rule as RuleId);
    else diagnostics.push(unknownRule(file, rule, span, LINT_RULES));
    if (!reason?.trim()) {
      diagnostics.push(
        diagnostic(
          file,
          'lint-ignore-without-reason',
          `lint.ignore.${rule} needs a reason saying why the rule does not apply`,
          span,
        ),
      );
    }
  }
  return silenced;
}
