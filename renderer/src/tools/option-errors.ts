// Field errors of the Options panel: the engine names them by path ("params.tools.0.function.parameters:
// ..."), and each editor lists the ones under its own path, with the part after the prefix kept as a locator.
import type { FieldErrors } from '../format/field-errors';
import type { RequestOptionsDraft } from './request-options';
import { toolNames } from './request-options';

/** Messages under `prefix`, each with the rest of its path in front ("0.function.parameters: must be object"). */
export function errorsUnder(errors: FieldErrors, prefix: string): string[] {
  const lines: string[] = [];
  for (const [path, message] of Object.entries(errors.fields)) {
    if (path === prefix) lines.push(message);
    else if (path.startsWith(`${prefix}.`)) lines.push(`${path.slice(prefix.length + 1)}: ${message}`);
  }
  return lines;
}

/** One line for the folded panel, e.g. "2 tools (required) · JSON Schema · reasoning high". */
export function summarizeOptions(options: RequestOptionsDraft): string {
  const parts: string[] = [];
  if (options.toolsText.trim() !== '') {
    const count = toolNames(options.toolsText).length;
    const choice = options.toolChoice === 'auto' ? '' : ` (${options.toolChoice === 'named' ? options.toolChoiceName || 'one tool' : options.toolChoice})`;
    parts.push(`${count} ${count === 1 ? 'tool' : 'tools'}${choice}`);
  }
  if (options.responseFormat === 'json_object') parts.push('JSON object');
  if (options.responseFormat === 'json_schema') parts.push(`JSON Schema ${options.schemaName}`);
  if (options.reasoning === 'max_tokens') parts.push(`reasoning ≤ ${options.reasoningMaxTokens || '?'} tokens`);
  else if (options.reasoning !== 'off') parts.push(`reasoning ${options.reasoning}`);
  return parts.join(' · ');
}
