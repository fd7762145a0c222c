// Which two answers the diff compares: ticking a third drops the oldest tick.
export function toggleCompare(selected: readonly string[], responseId: string): string[] {
  if (selected.includes(responseId)) return selected.filter((id) => id !== responseId);
  return [...selected, responseId].slice(-2);
}
