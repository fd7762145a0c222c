// Pure helpers for showing one tool call: its arguments (pretty once complete JSON, raw while partial)
// and its validity from the engine's check (absent while streaming).
import type { ToolCallRecord } from '../../../shared/records';

export function prettyArguments(text: string): string {
  if (text.trim() === '') return '{}';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export interface ToolCallStatus {
  /** null while unknown (streaming, or a stored call without a check). */
  valid: boolean | null;
  badge: string | null;
  errors: string[];
}

export function describeToolCall(call: ToolCallRecord): ToolCallStatus {
  const validation = call.validation;
  if (!validation) return { valid: null, badge: null, errors: [] };
  if (!validation.validJson) return { valid: false, badge: 'invalid JSON', errors: [] };
  if (validation.schemaErrors.length > 0) {
    const first = validation.schemaErrors[0]!;
    const path = first.split(': ')[0] ?? '';
    return { valid: false, badge: `schema: ${path || '/'}`, errors: validation.schemaErrors };
  }
  return { valid: true, badge: 'valid', errors: [] };
}
