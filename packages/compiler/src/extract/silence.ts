/**
 * Silencing linter rules: `ignore="rule-a rule-b" reason="…"` on a question and
 * `lint: { ignore: { rule: reason } }` in frontmatter. Both name rules that must exist and be
 * silenceable there, and both need a reason.
 */
import type { VFile } from 'vfile';
import {
  isLintRule,
  LINT_RULES,
  type LintRuleId,
  QUESTION_LINT_RULES,
  report,
  type Span,
} from '../diagnostics.js';
import { didYouMean } from '../did-you-mean.js';
import type { KeySpans } from '../parse/frontmatter.js';
import type { LintConfig } from '../schema/frontmatter.js';

/** `ignore="…" reason="…"` of a question: only per-question rules can be silenced there. */
export function readIgnoreAttribute(
  file: VFile,
  ignore: string | null | undefined,
  reason: string | null | undefined,
  span: Span,
): LintRuleId[] {
  if (ignore === undefined || ignore === null) return [];
  const rules = ignore.split(/[\s,]+/).filter((rule) => rule.length > 0);
  const silenced = rules.flatMap((rule) => known(file, rule, span, QUESTION_LINT_RULES));
  if (rules.length > 0 && !reason?.trim()) {
    report(
      file,
      'lint-ignore-without-reason',
      `ignore="${ignore}" needs a reason="…" saying why the rule does not apply`,
      span,
    );
  }
  return silenced;
}

/** Frontmatter `lint.ignore` of a file: any linter rule, each with its own reason. */
export function readLintConfig(
  file: VFile,
  lint: LintConfig | undefined,
  keys: KeySpans,
  fallback: Span,
): LintRuleId[] {
  return Object.entries(lint?.ignore ?? {}).flatMap(([rule, reason]) => {
    const span = keys[`lint.ignore.${rule}`] ?? keys['lint.ignore'] ?? fallback;
    if (!reason?.trim()) {
      report(
        file,
        'lint-ignore-without-reason',
        `lint.ignore.${rule} needs a reason saying why the rule does not apply`,
        span,
      );
    }
    return known(file, rule, span, LINT_RULES);
  });
}

/** `[rule]` when it may be silenced here, else `[]` and a `lint-unknown-rule` warning. */
function known(file: VFile, rule: string, span: Span, allowed: readonly LintRuleId[]): LintRuleId[] {
  if ((allowed as readonly string[]).includes(rule)) return [rule as LintRuleId];
  const hint = isLintRule(rule)
    ? `; '${rule}' is a bank-wide rule: silence it in a bank file's frontmatter (lint.ignore)`
    : didYouMean(rule, allowed);
  report(file, 'lint-unknown-rule', `'${rule}' is not a linter rule that can be ignored here${hint}`, span);
  return [];
}
