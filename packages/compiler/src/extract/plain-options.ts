/** Small shapes of public banks: lettered options ("A. …") and reference links under the explanation. */
import type { List, ListItem, RootContent, Text } from 'mdast';
import type { Source } from './trailing.js';

const LABEL = /^\s*\(?([A-Z])[.)]\s+/;

function firstText(item: ListItem): Text | undefined {
  const first = item.children[0];
  const text = first?.type === 'paragraph' ? first.children[0] : undefined;
  return text?.type === 'text' ? text : undefined;
}

/**
 * `- [x] A. text`, `- [ ] B) text`: when every option starts with the next letter (A, B, C …),
 * the labels go — learners see the client's own letters, and shuffled options keep no stale label.
 */
export function stripLetterLabels(list: List): void {
  const items = list.children.filter((item) => typeof item.checked === 'boolean');
  if (items.length < 2) return;
  const labelled = items.every((item, index) => {
    const match = LABEL.exec(firstText(item)?.value ?? '');
    return match?.[1] === String.fromCharCode(65 + index);
  });
  if (!labelled) return;
  for (const item of items) {
    const text = firstText(item) as Text;
    text.value = text.value.replace(LABEL, '');
  }
}

/** The explanation with its sources as a list of links under "Sources:". */
export function withSources(
  explanation: RootContent[],
  sources: readonly Source[],
): RootContent[] | undefined {
  if (sources.length === 0) return explanation.length > 0 ? explanation : undefined;
  const list: List = {
    type: 'list',
    ordered: false,
    spread: false,
    children: sources.map((s) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [{ type: 'link', url: s.url, children: [{ type: 'text', value: s.title }] }],
        },
      ],
    })),
  };
  return [...explanation, { type: 'paragraph', children: [{ type: 'text', value: 'Sources:' }] }, list];
}
