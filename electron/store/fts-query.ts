// Turns what a user typed into a safe FTS5 MATCH expression. Every term becomes a quoted string, so
// FTS5 syntax in the input (" * - : ^ ( ) + OR NOT NEAR) is only ever text, never an operator.

// The unicode61 tokenizer's token characters (categories L*, N*, Co); a term without one indexes nothing.
const tokenCharacter = /[\p{L}\p{N}\p{Co}]/u;
const tokenSeparators = /[^\p{L}\p{N}\p{Co}]+/u;
const controlCharacters = /\p{Cc}/gu;
// Bounds the work of one query; nobody types more.
const maximumTerms = 16;
// Matches the index's prefix = '3': shorter prefixes would merge the lists of thousands of words.
const minimumPrefixLength = 3;

/**
 * All terms must match (implicit AND). The last one also matches as a prefix when its last word has at
 * least three characters, so results follow typing. Returns null when the input holds nothing
 * searchable (the caller then lists without a filter).
 */
export function toFtsMatchExpression(input: string): string | null {
  const terms = input
    .replace(controlCharacters, ' ')
    .split(/\s+/)
    .filter((term) => tokenCharacter.test(term))
    .slice(0, maximumTerms);
  if (terms.length === 0) return null;
  return terms
    .map((term, index) => {
      // Inside an FTS5 string a double quote is written twice.
      const quoted = `"${term.replaceAll('"', '""')}"`;
      return index === terms.length - 1 && lastWordLength(term) >= minimumPrefixLength ? `${quoted}*` : quoted;
    })
    .join(' ');
}

// FTS5 applies '*' to the last token of a quoted string: "gpt-4"* is gpt followed by 4*.
function lastWordLength(term: string): number {
  const words = term.split(tokenSeparators).filter((word) => word.length > 0);
  return Array.from(words.at(-1) ?? '').length;
}
