// Juxta's log file on the Node side: size-based rotation (juxta.log, juxta.log.1, ... up to
// maxFiles files) and redaction of anything that looks like a key. Pure Node, no Electron import,
// so the web host could use it too. Prompt and answer text never go to info/warn/error lines;
// debug() lines (which may carry them) are written only when debug logging is enabled.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  directory: string;
  fileName?: string;
  /** Rotate before a line would grow the current file beyond this (default 1 MB). */
  maxBytes?: number;
  /** Files kept, the current one included (default 3). */
  maxFiles?: number;
  /** Write debug() lines (default false). */
  debug?: boolean;
  now?: () => Date;
  /** Also called with every written line (e.g. the console in development). */
  mirror?: (line: string) => void;
}

export interface RotatingLog {
  readonly filePath: string;
  readonly debugEnabled: boolean;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const MAX_LINE_CHARS = 4000;
const MASK = '***';

const SECRET_PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // OpenAI, OpenRouter (sk-or-v1-...), Anthropic (sk-ant-...) and most OpenAI-compatible servers.
  [/\bsk-[A-Za-z0-9_-]{6,}/g, `sk-${MASK}`],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{6,}/gi, `Bearer ${MASK}`],
  // Google API keys, GitHub tokens, Hugging Face tokens, AWS access key ids.
  [/\bAIza[0-9A-Za-z_-]{20,}/g, MASK],
  [/\bgh[pousr]_[A-Za-z0-9]{20,}/g, MASK],
  [/\bhf_[A-Za-z0-9]{20,}/g, MASK],
  [/\bAKIA[0-9A-Z]{16}\b/g, MASK],
  // key=value and "key": "value" for names that hold secrets.
  [/\b((?:api[_-]?key|x-api-key|authorization|access[_-]?token|secret|password)["']?\s*[:=]\s*["']?(?:Bearer\s+)?)([^"'\s,;}&]{3,})/gi, `$1${MASK}`],
];

/** The text with anything key-like masked. */
export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((current, [pattern, replacement]) => current.replace(pattern, replacement), text);
}

/** One log line: ISO time, level, the redacted message on one line (newlines escaped), bounded in length. */
export function formatLogLine(level: LogLevel, message: string, time: Date): string {
  let text = redactSecrets(message).replace(/\r?\n/g, '\\n');
  if (text.length > MAX_LINE_CHARS) text = `${text.slice(0, MAX_LINE_CHARS)}... (${text.length - MAX_LINE_CHARS} more characters)`;
  return `${time.toISOString()} ${level.toUpperCase().padEnd(5)} ${text}\n`;
}

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const fileName = options.fileName ?? 'juxta.log';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const maxFiles = Math.max(1, options.maxFiles ?? 3);
  const now = options.now ?? (() => new Date());
  const filePath = join(options.directory, fileName);
  const debugEnabled = options.debug === true;
  let size: number | undefined;
  let failed = false;

  const rotate = (): void => {
    // juxta.log.(n-1) is dropped, every other file moves up one, juxta.log becomes juxta.log.1.
    rmSync(`${filePath}.${maxFiles - 1}`, { force: true });
    for (let index = maxFiles - 2; index >= 1; index -= 1) {
      try {
        renameSync(`${filePath}.${index}`, `${filePath}.${index + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    if (maxFiles > 1) renameSync(filePath, `${filePath}.1`);
    else rmSync(filePath, { force: true });
    size = 0;
  };

  const write = (level: LogLevel, message: string): void => {
    const line = formatLogLine(level, message, now());
    options.mirror?.(line.trimEnd());
    if (failed) return;
    try {
      if (size === undefined) {
        mkdirSync(options.directory, { recursive: true });
        try {
          size = statSync(filePath).size;
        } catch {
          size = 0;
        }
      }
      const bytes = Buffer.byteLength(line);
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(filePath, line, { mode: 0o600 });
      size += bytes;
    } catch (error) {
      // Logging must never take the app down: say so once and carry on without the file.
      failed = true;
      console.warn(`[juxta] Logging to ${filePath} stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  return {
    filePath,
    debugEnabled,
    debug: (message) => {
      if (debugEnabled) write('debug', message);
    },
    info: (message) => write('info', message),
    warn: (message) => write('warn', message),
    error: (message) => write('error', message),
  };
}
