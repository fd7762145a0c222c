// Checks, before anything is sent, that every JSON Schema in a run request is itself valid: each
// tool's parameters and the response format's schema. The error names the field, as zod errors do
// ("params.tools.0.function.parameters.properties.city.type: must be equal to one of the allowed values").
import type { RunParams } from '../../../shared/records';
import { JuxtaFailure } from '../../../shared/result';
import { checkJsonSchema } from './json-schema';
import type { SchemaViolation } from '../../../shared/records';

function fieldPath(base: string, violation: SchemaViolation): string {
  const inside = violation.path
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return [base, ...inside].join('.');
}

/** The problems as "field: message" lines; empty when every schema is usable. */
export function requestSchemaProblems(params: RunParams): string[] {
  const problems: string[] = [];
  for (const [index, tool] of (params.tools ?? []).entries()) {
    if (!tool.function.parameters) continue;
    const base = `params.tools.${index}.function.parameters`;
    for (const violation of checkJsonSchema(tool.function.parameters)) problems.push(`${fieldPath(base, violation)}: ${violation.message}`);
  }
  if (params.responseFormat?.type === 'json_schema') {
    for (const violation of checkJsonSchema(params.responseFormat.schema)) {
      problems.push(`${fieldPath('params.responseFormat.schema', violation)}: ${violation.message}`);
    }
  }
  return problems;
}

export function assertRequestSchemas(method: string, params: RunParams): void {
  const problems = requestSchemaProblems(params);
  if (problems.length > 0) {
    throw new JuxtaFailure({ kind: 'invalid_input', message: `Invalid input for ${method}: ${problems.join('; ')}` });
  }
}
