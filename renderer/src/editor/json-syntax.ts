// Where a JSON text stops parsing, from V8's JSON.parse message ("... at position 12 (line 2 column 5)").
export interface JsonSyntaxError {
  /** 1-based, as Monaco counts. */
  line: number;
  column: number;
  message: string;
}

export function jsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const message = raw.replace(/ at position \d+.*$/, '');
    const position = /position (\d+)/.exec(raw);
    // Without a position (e.g. "Unexpected end of JSON input") the error is at the end.
    const offset = position ? Number(position[1]) : text.length;
    const before = text.slice(0, offset);
    return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n'), message };
  }
}
