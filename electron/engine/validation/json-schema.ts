// JSON Schema checks with ajv (draft-07, the dialect OpenAI's tools and response_format use): is a
// schema itself valid, and does a value satisfy it. Node side only: ajv compiles schemas to code,
// which the renderer's CSP forbids. Compiled validators are cached by the schema's text, since the
// same tool schemas are checked for every call of every column.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { SchemaViolation } from '../../../shared/records';

const MAX_CACHED_VALIDATORS = 200;
const MAX_REPORTED_VIOLATIONS = 10;

// strict: false: vendors' schemas carry keywords ajv does not know (e.g. "strict", "examples" variants); they are not errors.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ValidateFunction | Error>();

function violationOf(error: ErrorObject): SchemaViolation {
  const extra = error.keyword === 'additionalProperties' ? ` ("${String(error.params.additionalProperty)}")` : '';
  return { path: error.instancePath, message: `${error.message ?? error.keyword}${extra}` };
}

/** "/city: must be string" (the root reads "/"). */
export function describeViolation(violation: SchemaViolation): string {
  return `${violation.path || '/'}: ${violation.message}`;
}

function compiled(schema: Record<string, unknown>): ValidateFunction | Error {
  const key = JSON.stringify(schema);
  const cached = validators.get(key);
  if (cached) return cached;
  let result: ValidateFunction | Error;
  try {
    result = ajv.compile(schema);
  } catch (thrown) {
    result = thrown instanceof Error ? thrown : new Error(String(thrown));
  }
  if (validators.size >= MAX_CACHED_VALIDATORS) validators.delete(validators.keys().next().value!);
  validators.set(key, result);
  return result;
}

/** Problems with the schema itself (paths point into the schema); empty when it is a usable JSON Schema. */
export function checkJsonSchema(schema: Record<string, unknown>): SchemaViolation[] {
  let valid: boolean;
  try {
    valid = ajv.validateSchema(schema) as boolean;
  } catch (thrown) {
    // An unknown "$schema" dialect throws instead of answering.
    return [{ path: '/$schema', message: thrown instanceof Error ? thrown.message : String(thrown) }];
  }
  if (!valid) return (ajv.errors ?? []).slice(0, MAX_REPORTED_VIOLATIONS).map(violationOf);
  const validator = compiled(schema);
  // Valid against the meta-schema yet not compilable: an unresolvable $ref, typically.
  return validator instanceof Error ? [{ path: '', message: validator.message }] : [];
}

/** Violations of `value` against `schema` (paths point into the value), first first; empty when valid. */
export function validateAgainstSchema(schema: Record<string, unknown>, value: unknown): SchemaViolation[] {
  const validator = compiled(schema);
  if (validator instanceof Error) return [{ path: '', message: `the schema cannot be compiled: ${validator.message}` }];
  if (validator(value)) return [];
  return (validator.errors ?? []).slice(0, MAX_REPORTED_VIOLATIONS).map(violationOf);
}
