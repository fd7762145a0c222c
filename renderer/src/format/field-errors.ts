// Invalid-input errors come back as one sentence: "Invalid input for startRun: prompt: expected a
// prompt; targets.0.model: expected a model id". This splits it so each message shows by its field.
import type { JuxtaError } from '../../../shared/result';

export interface FieldErrors {
  /** Path ("prompt", "params.temperature", "targets.0.model") to message. */
  fields: Record<string, string>;
  /** What could not be attached to a field. */
  general: string | null;
}

const pathPattern = /^([A-Za-z_$][\w$]*(?:\.[\w$]+)*): (.+)$/;

export function parseFieldErrors(error: JuxtaError | null | undefined): FieldErrors {
  if (!error) return { fields: {}, general: null };
  if (error.kind !== 'invalid_input') return { fields: {}, general: error.message };
  const colon = error.message.indexOf(': ');
  const prefixed = error.message.startsWith('Invalid input') && colon !== -1;
  const body = prefixed ? error.message.slice(colon + 2) : error.message;
  const fields: Record<string, string> = {};
  const unattached: string[] = [];
  for (const part of body.split('; ')) {
    const match = pathPattern.exec(part.trim());
    if (match?.[1] && match[2]) {
      fields[match[1]] = fields[match[1]] ? `${fields[match[1]]}; ${match[2]}` : match[2];
    } else if (part.trim()) {
      unattached.push(part.trim());
    }
  }
  return { fields, general: unattached.length > 0 ? unattached.join('; ') : null };
}

/** First message whose path is `prefix` or lies under it ("targets" matches "targets.0.model"). */
export function fieldError(errors: FieldErrors, prefix: string): string | null {
  for (const [path, message] of Object.entries(errors.fields)) {
    if (path === prefix || path.startsWith(`${prefix}.`)) return message;
  }
  return null;
}
