// Dollars in budget messages: cents, as the renderer's formatUsd shows amounts of a dollar or more.
export function formatBudgetUsd(usd: number): string {
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
