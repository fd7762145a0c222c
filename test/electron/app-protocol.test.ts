// app://juxta/ serves only files inside the renderer folder, GET only, with MIME types and the CSP.
// The handler is the one protocol.handle receives; Request/Response are the web standard ones.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentTypeFor } from '../../electron/hosts/content-types';
import { appScheme, createAppProtocolHandler, registerAppScheme, resolveAppPath } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

let root: string;
let rendererDirectory: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'juxta-app-protocol-'));
  rendererDirectory = join(root, 'renderer');
  mkdirSync(join(rendererDirectory, 'assets'), { recursive: true });
  writeFileSync(join(rendererDirectory, 'index.html'), '<!doctype html><title>Juxta</title>');
  writeFileSync(join(rendererDirectory, 'assets', 'main-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDirectory, 'assets', 'font.woff2'), 'woff2');
  writeFileSync(join(root, 'secret.txt'), 'outside');
  symlinkSync(join(root, 'secret.txt'), join(rendererDirectory, 'assets', 'link.txt'));
  handler = createAppProtocolHandler(rendererDirectory);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme that does not bypass the CSP', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([appScheme]);
    expect(appScheme).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
    expect(appScheme.privileges?.bypassCSP).toBeUndefined();
  });

  it('serves index.html for the root with the CSP header', async () => {
    const response = await get('app://juxta/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    await expect(response.text()).resolves.toContain('<title>Juxta</title>');
  });

  it('serves assets with their MIME types', async () => {
    const script = await get('app://juxta/assets/main-abc.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://juxta/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });

  it('answers client-side routes with the app shell and missing files with 404', async () => {
    expect(await (await get('app://juxta/history')).text()).toContain('<title>Juxta</title>');
    expect((await get('app://juxta/assets/missing.js')).status).toBe(404);
  });

  it.each(['POST', 'PUT', 'DELETE', 'HEAD'])('refuses %s', async (method) => {
    const response = await get('app://juxta/index.html', method);
    expect(response.status).toBe(405);
  });

  it.each([
    'app://juxta/..%2fsecret.txt',
    'app://juxta/assets/..%2f..%2fsecret.txt',
    'app://juxta/%2e%2e/secret.txt',
    'app://juxta/..%5csecret.txt',
    'app://juxta/assets/link.txt',
    'app://juxta/%00index.html',
    'app://juxta/%E0%A4%A',
    'app://other/index.html',
    'app://juxta:8080/index.html',
  ])('never serves anything outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('outside');
  });

  it('normalises paths before resolving them', () => {
    expect(resolveAppPath('app://juxta/assets/../index.html', 'GET')).toEqual({ ok: true, relativePath: 'index.html' });
    expect(resolveAppPath('app://juxta/assets/', 'GET')).toEqual({ ok: true, relativePath: 'assets/index.html' });
    expect(resolveAppPath('app://juxta/a%20b.js', 'GET')).toEqual({ ok: true, relativePath: 'a b.js' });
    expect(resolveAppPath('app://juxta/..%2f..%2fetc/passwd', 'GET')).toEqual({ ok: false, status: 403 });
  });
});
