import { describe, expect, it } from 'vitest';
import { formatSseEvent } from '../../electron/hosts/web-sse';

describe('formatSseEvent', () => {
  it('writes one data line per payload line, so a newline cannot forge a field', () => {
    expect(formatSseEvent('batch', '[1]')).toBe('event: batch\ndata: [1]\n\n');
    expect(formatSseEvent('batch', 'a\nevent: evil\r\ndata: x\rb')).toBe('event: batch\ndata: a\ndata: event: evil\ndata: data: x\ndata: b\n\n');
  });

  it('rejects a newline in the event name', () => {
    expect(() => formatSseEvent('batch\nevent: evil', '{}')).toThrow(/newline/);
  });
});
