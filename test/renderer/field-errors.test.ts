import { describe, expect, it } from 'vitest';
import { fieldError, parseFieldErrors } from '../../renderer/src/format/field-errors';

describe('parseFieldErrors', () => {
  it('splits an invalid-input message into field messages', () => {
    const errors = parseFieldErrors({
      kind: 'invalid_input',
      message: 'Invalid input for startRun: prompt: expected a prompt; targets.0.model: expected a model id',
    });
    expect(errors.fields).toEqual({ prompt: 'expected a prompt', 'targets.0.model': 'expected a model id' });
    expect(errors.general).toBeNull();
    expect(fieldError(errors, 'targets')).toBe('expected a model id');
    expect(fieldError(errors, 'params')).toBeNull();
  });

  it('keeps messages with a colon inside the text intact', () => {
    const errors = parseFieldErrors({
      kind: 'invalid_input',
      message: 'Invalid input for addConnection: baseUrl: expected an http(s) URL without credentials, e.g. https://openrouter.ai/api/v1',
    });
    expect(errors.fields.baseUrl).toBe('expected an http(s) URL without credentials, e.g. https://openrouter.ai/api/v1');
  });

  it('puts pathless messages and other kinds into general', () => {
    expect(parseFieldErrors({ kind: 'invalid_input', message: 'Invalid input for startRun: give either apiKey or apiKeyEnv' }).general).toBe(
      'give either apiKey or apiKeyEnv',
    );
    expect(parseFieldErrors({ kind: 'auth', message: 'The key was rejected' })).toEqual({ fields: {}, general: 'The key was rejected' });
    expect(parseFieldErrors(null)).toEqual({ fields: {}, general: null });
  });
});
