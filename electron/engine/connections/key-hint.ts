// A masked form of a key for display: enough to tell two keys apart, not enough to use one.
export function maskKey(key: string): string {
  const trimmed = key.trim();
  if (trimmed.length < 12) return `…${trimmed.slice(-2)}`;
  // Keep a vendor prefix such as "sk-or-v1-" or "sk-proj-": it says which kind of key it is.
  const lastDash = trimmed.slice(0, 10).lastIndexOf('-');
  const prefix = lastDash >= 0 ? trimmed.slice(0, lastDash + 1) : trimmed.slice(0, 3);
  return `${prefix}…${trimmed.slice(-4)}`;
}
