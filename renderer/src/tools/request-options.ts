// The composer's Options panel as typed (tools JSON, tool choice, response format, reasoning) and the
// pure step that turns it into RunParams. Only JSON syntax and shape are checked here: whether a tool's
// `parameters` or a response schema is a valid JSON Schema is checked by the engine (ajv needs eval,
// which the renderer's CSP forbids), and its field errors come back through startRun.
import { jsonSyntaxError } from '../editor/json-syntax';
import type { ReasoningOptions, ResponseFormat, RunParams, ToolChoice, ToolDefinition } from '../../../shared/records';

export type ToolChoiceMode = 'auto' | 'none' | 'required' | 'named';
export type ResponseFormatMode = 'none' | 'json_object' | 'json_schema';
export type ReasoningMode = 'off' | 'low' | 'medium' | 'high' | 'max_tokens';

export interface RequestOptionsDraft {
  open: boolean;
  /** The tools array as JSON text; blank means no tools. */
  toolsText: string;
  toolChoice: ToolChoiceMode;
  toolChoiceName: string;
  parallelToolCalls: boolean;
  responseFormat: ResponseFormatMode;
  schemaName: string;
  schemaText: string;
  reasoning: ReasoningMode;
  reasoningMaxTokens: string;
  reasoningExclude: boolean;
  /** Auto mode: tool name -> result text, as a JSON object. */
  cannedResultsText: string;
}

export const exampleTools = `[
  {
    "type": "function",
    "function": {
      "name": "get_weather",
      "description": "Current weather for a city",
      "parameters": {
        "type": "object",
        "properties": {
          "city": { "type": "string", "description": "City name, e.g. Paris" },
          "unit": { "type": "string", "enum": ["celsius", "fahrenheit"] }
        },
        "required": ["city"],
        "additionalProperties": false
      }
    }
  }
]`;

export const exampleSchema = `{
  "type": "object",
  "properties": {
    "answer": { "type": "string" },
    "confidence": { "type": "number", "minimum": 0, "maximum": 1 }
  },
  "required": ["answer", "confidence"],
  "additionalProperties": false
}`;

export const exampleCannedResults = `{
  "get_weather": "{\\"temperature\\": 18, \\"unit\\": \\"celsius\\", \\"conditions\\": \\"sunny\\"}"
}`;

export const defaultRequestOptionsDraft: RequestOptionsDraft = {
  open: false,
  toolsText: '',
  toolChoice: 'auto',
  toolChoiceName: '',
  parallelToolCalls: true,
  responseFormat: 'none',
  schemaName: 'answer',
  schemaText: '',
  reasoning: 'off',
  reasoningMaxTokens: '',
  reasoningExclude: false,
  cannedResultsText: exampleCannedResults,
};

/** JSON.parse with a message that says where: "invalid JSON at line 3, column 5: Unexpected token ...". */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const error = jsonSyntaxError(text);
  if (error) return { ok: false, message: `invalid JSON at line ${error.line}, column ${error.column}: ${error.message}` };
  return { ok: true, value: JSON.parse(text) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface BuiltRequestOptions {
  params: Pick<RunParams, 'tools' | 'toolChoice' | 'parallelToolCalls' | 'responseFormat' | 'reasoning'>;
  /** Field path (as the engine names it, e.g. "params.tools") to message. */
  errors: Record<string, string>;
}

/** The draft as RunParams fields, or errors by field path. Blank sections send nothing. */
export function buildRequestOptions(draft: RequestOptionsDraft): BuiltRequestOptions {
  const params: BuiltRequestOptions['params'] = {};
  const errors: Record<string, string> = {};

  if (draft.toolsText.trim() !== '') {
    const parsed = parseJsonText(draft.toolsText);
    if (!parsed.ok) errors['params.tools'] = parsed.message;
    else if (!Array.isArray(parsed.value)) errors['params.tools'] = 'expected an array of tools ([{ "type": "function", "function": { … } }])';
    else if (parsed.value.length > 0) {
      params.tools = parsed.value as ToolDefinition[];
      const choice = toolChoiceFrom(draft);
      if (choice === null) errors['params.toolChoice'] = 'expected the name of the tool to call';
      else if (choice !== 'auto') params.toolChoice = choice;
      // true is every provider's default; sending it to one that lacks the flag can fail the request.
      if (!draft.parallelToolCalls) params.parallelToolCalls = false;
    }
  }

  if (draft.responseFormat === 'json_object') params.responseFormat = { type: 'json_object' };
  if (draft.responseFormat === 'json_schema') {
    const parsed = parseJsonText(draft.schemaText);
    if (draft.schemaText.trim() === '') errors['params.responseFormat.schema'] = 'expected a JSON Schema';
    else if (!parsed.ok) errors['params.responseFormat.schema'] = parsed.message;
    else if (!isRecord(parsed.value)) errors['params.responseFormat.schema'] = 'expected a JSON Schema object';
    else {
      const format: ResponseFormat = { type: 'json_schema', name: draft.schemaName.trim(), schema: parsed.value };
      params.responseFormat = format;
    }
  }

  if (draft.reasoning !== 'off') {
    const reasoning: ReasoningOptions = {};
    if (draft.reasoning === 'max_tokens') {
      const value = Number(draft.reasoningMaxTokens.trim());
      if (draft.reasoningMaxTokens.trim() === '' || !Number.isInteger(value) || value < 1 || value > 1_000_000) {
        errors['params.reasoning.maxTokens'] = 'expected a whole number from 1 to 1,000,000';
      } else reasoning.maxTokens = value;
    } else reasoning.effort = draft.reasoning;
    if (draft.reasoningExclude) reasoning.exclude = true;
    params.reasoning = reasoning;
  }

  return { params, errors };
}

function toolChoiceFrom(draft: RequestOptionsDraft): ToolChoice | null {
  if (draft.toolChoice !== 'named') return draft.toolChoice;
  const name = draft.toolChoiceName.trim();
  return name === '' ? null : { name };
}

/** Names of the tools in the draft (for the named tool choice), tolerant of half-typed JSON. */
export function toolNames(toolsText: string): string[] {
  const parsed = parseJsonText(toolsText);
  if (!parsed.ok || !Array.isArray(parsed.value)) return [];
  return parsed.value.flatMap((tool: unknown) => {
    const name = isRecord(tool) && isRecord(tool.function) ? tool.function.name : undefined;
    return typeof name === 'string' && name !== '' ? [name] : [];
  });
}

/** The canned results map for auto mode: tool name -> result text (non-string values are sent as JSON). */
export function parseCannedResults(text: string): { ok: true; value: Record<string, string> } | { ok: false; message: string } {
  const parsed = parseJsonText(text.trim() === '' ? '{}' : text);
  if (!parsed.ok) return parsed;
  if (!isRecord(parsed.value)) return { ok: false, message: 'expected an object: { "tool_name": "result text" }' };
  const value: Record<string, string> = {};
  for (const [name, result] of Object.entries(parsed.value)) value[name] = typeof result === 'string' ? result : JSON.stringify(result);
  return { ok: true, value };
}

/** Tolerant restore of a stored draft: unknown or mistyped fields fall back to the defaults. */
export function parseRequestOptionsDraft(raw: string | null): RequestOptionsDraft {
  if (!raw) return { ...defaultRequestOptionsDraft };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ...defaultRequestOptionsDraft };
  }
  if (!isRecord(parsed)) return { ...defaultRequestOptionsDraft };
  const draft: RequestOptionsDraft = { ...defaultRequestOptionsDraft };
  const pick = <K extends keyof RequestOptionsDraft>(key: K, accept: (value: unknown) => boolean) => {
    if (accept(parsed[key])) draft[key] = parsed[key] as RequestOptionsDraft[K];
  };
  const text = (maximum: number) => (value: unknown) => typeof value === 'string' && value.length <= maximum;
  const oneOf = (values: readonly string[]) => (value: unknown) => typeof value === 'string' && values.includes(value);
  const boolean = (value: unknown) => typeof value === 'boolean';
  pick('open', boolean);
  pick('toolsText', text(200_000));
  pick('toolChoice', oneOf(['auto', 'none', 'required', 'named']));
  pick('toolChoiceName', text(64));
  pick('parallelToolCalls', boolean);
  pick('responseFormat', oneOf(['none', 'json_object', 'json_schema']));
  pick('schemaName', text(64));
  pick('schemaText', text(200_000));
  pick('reasoning', oneOf(['off', 'low', 'medium', 'high', 'max_tokens']));
  pick('reasoningMaxTokens', text(20));
  pick('reasoningExclude', boolean);
  pick('cannedResultsText', text(200_000));
  return draft;
}
