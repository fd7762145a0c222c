// Which links may leave the app for the user's browser. Parsed with new URL, never substring checks.

const EXTERNAL_PROTOCOLS = new Set(['https:', 'http:']);
const MAX_EXTERNAL_URL_LENGTH = 2048;

function hasControlOrSpace(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/u.test(character)) return true;
  }
  return false;
}

/**
 * The URL to hand to shell.openExternal, or null when it must not be opened:
 * only absolute http(s) URLs with a host and without credentials (no "https://bank@evil.example").
 */
export function parseExternalUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // new URL strips tabs and newlines inside the string; a link carrying them is not one we show the user.
  if (hasControlOrSpace(raw)) return null;
  let url: URL;
  try {
    // No base URL: a relative link ("/x", "//evil.example") is rejected, not resolved against us.
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}
