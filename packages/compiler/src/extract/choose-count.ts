/**
 * "(Choose two.)", "Select 3", "Pick two answers", "choose TWO" in a stem → the number of
 * correct options the stem announces; undefined when it announces none ("select all that apply").
 */
const NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

const PATTERN =
  /\b(?:choose|select|pick|mark)\s+(?:the\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;

export function announcedCount(stemText: string): number | undefined {
  const match = PATTERN.exec(stemText);
  if (!match) return undefined;
  const word = (match[1] as string).toLowerCase();
  const n = NUMBERS[word] ?? Number(word);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}
