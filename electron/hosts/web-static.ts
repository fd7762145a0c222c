// Serves the built renderer (out/renderer): GET/HEAD only, no way out of the static folder.
import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { contentTypeFor } from './content-types';
import { HttpFailure } from './web-errors';


/**
 * Turns the raw request path (still percent-encoded, never normalised by a URL parser, which
 * would read "//host" as another host) into segments, refusing anything that could climb out.
 */
export function staticPathSegments(rawPath: string): string[] {
  if (!rawPath.startsWith('/')) throw new HttpFailure('badPath', 'expected an absolute path');
  const segments: string[] = [];
  for (const rawSegment of rawPath.split('/')) {
    if (rawSegment === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      throw new HttpFailure('badPath', 'malformed percent-encoding');
    }
    // Checked after decoding, so %2e%2e, %2f and %5c are caught as well as their plain forms.
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) {
      throw new HttpFailure('badPath', 'path segments may not be ".", ".." or contain slashes, backslashes, colons or NUL');
    }
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root + sep);
}

export interface StaticFiles {
  /** Resolves a request path to a file inside the root, or throws HttpFailure (400/404). */
  resolveFile(rawPath: string): string;
  send(response: ServerResponse, filePath: string, headOnly: boolean): void;
}

export function createStaticFiles(staticDir: string): StaticFiles {
  const root = realpathSync(resolve(staticDir));

  function resolveFile(rawPath: string): string {
    const segments = staticPathSegments(rawPath);
    // Dotfiles (e.g. .vite/manifest.json) are build leftovers, not part of the app.
    if (segments.some((segment) => segment.startsWith('.'))) throw new HttpFailure('notFound', rawPath.slice(0, 200));
    const candidate = segments.length === 0 ? join(root, 'index.html') : join(root, ...segments);
    if (!isInside(root, candidate)) throw new HttpFailure('badPath', 'outside the app folder');
    let real: string;
    try {
      // realpath too, so a symlink inside the folder cannot point outside it.
      real = realpathSync(candidate);
    } catch {
      throw new HttpFailure('notFound', rawPath.slice(0, 200));
    }
    if (!isInside(root, real) || !statSync(real).isFile()) throw new HttpFailure('notFound', rawPath.slice(0, 200));
    return real;
  }

  function send(response: ServerResponse, filePath: string, headOnly: boolean): void {
    const size = statSync(filePath).size;
    const contentType = contentTypeFor(filePath);
    const hashedAsset = filePath.startsWith(join(root, 'assets') + sep);
    response.writeHead(200, {
      'Content-Type': contentType,
      'Content-Length': String(size),
      // HTML names the current asset hashes, so it must never be cached; hashed assets never change.
      'Cache-Control': contentType.startsWith('text/html') ? 'no-store' : hashedAsset ? 'private, max-age=31536000, immutable' : 'no-cache',
    });
    if (headOnly) {
      response.end();
      return;
    }
    const stream = createReadStream(filePath);
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }

  return { resolveFile, send };
}
