// The one place where untrusted input (IPC or HTTP) is validated and turned into a Result.
import type { z } from 'zod';
import { methodInputs, type JuxtaService, type MethodName, type MethodOutput } from './contract';
import { isJuxtaError, JuxtaFailure, type Result } from './result';

export function isMethodName(value: unknown): value is MethodName {
  return typeof value === 'string' && Object.hasOwn(methodInputs, value);
}

/** "targets.0.model: expected a model id; prompt: expected a prompt" */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

export async function dispatch<M extends MethodName>(
  service: JuxtaService,
  method: M,
  rawInput: unknown,
): Promise<Result<MethodOutput<M>>> {
  const parsed = methodInputs[method].safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { kind: 'invalid_input', message: `Invalid input for ${method}: ${describeZodError(parsed.error)}` } };
  }
  try {
    const handler = service[method] as (input: unknown) => Promise<MethodOutput<M>>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (thrown) {
    if (thrown instanceof JuxtaFailure) return { ok: false, error: thrown.error };
    if (isJuxtaError(thrown)) return { ok: false, error: thrown };
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: { kind: 'internal', message: `Unexpected error in ${method}: ${message}` } };
  }
}
