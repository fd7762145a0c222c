// At a response's end: each tool call's arguments checked against the requested tool's schema, and the
// answer checked against the run's response format. Pure and idempotent, so the engine also applies it
// to stored runs it reads (structuredOutput has no column; tool-call checks ride in tool_calls JSON).
import type { ResponseRecord, RunParams, StructuredOutputCheck, ToolCallRecord, ToolCallValidation } from '../../../shared/records';
import { describeViolation, validateAgainstSchema } from '../validation/json-schema';

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (thrown) {
    return { ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
}

export function validateToolCall(call: ToolCallRecord, params: RunParams): ToolCallValidation {
  // Models send "" for a call without arguments; providers treat it as {}.
  const parsed = parseJson(call.arguments.trim() === '' ? '{}' : call.arguments);
  if (!parsed.ok) return { validJson: false, schemaErrors: [] };
  const tool = params.tools?.find((candidate) => candidate.function.name === call.name);
  if (!tool) return { validJson: true, schemaErrors: [`no tool named "${call.name}" was offered`] };
  if (!tool.function.parameters) return { validJson: true, schemaErrors: [] };
  return { validJson: true, schemaErrors: validateAgainstSchema(tool.function.parameters, parsed.value).map(describeViolation) };
}

export function checkStructuredOutput(text: string, params: RunParams): StructuredOutputCheck | undefined {
  const format = params.responseFormat;
  if (!format) return undefined;
  const parsed = parseJson(text.trim());
  if (!parsed.ok) return { validJson: false, errors: [{ path: '', message: `not JSON: ${parsed.message}` }] };
  if (format.type === 'json_object') {
    const isObject = typeof parsed.value === 'object' && parsed.value !== null && !Array.isArray(parsed.value);
    return { validJson: true, errors: isObject ? [] : [{ path: '', message: 'must be object' }] };
  }
  return { validJson: true, errors: validateAgainstSchema(format.schema, parsed.value) };
}

/** Adds the checks to a finished response (leaves streaming and stopped-before-content ones alone). */
export function checkResponseOutput(response: ResponseRecord, params: RunParams): void {
  if (response.status === 'pending' || response.status === 'streaming') return;
  for (const call of response.toolCalls) call.validation = validateToolCall(call, params);
  // A column that called tools has not answered yet: there is no final text to check.
  const structured = response.status === 'done' && response.toolCalls.length === 0 ? checkStructuredOutput(response.text, params) : undefined;
  if (structured) response.structuredOutput = structured;
  else delete response.structuredOutput;
}
