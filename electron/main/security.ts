// One guard for every webContents, and a session that grants no permissions. The functions take
// the Electron objects as parameters (type-only imports) so tests can drive them with fakes.
import type { WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import { parseExternalUrl } from './trusted-url';

export interface SecurityOptions {
  /** The UI's own origin as a base URL: app://juxta/ or the dev server. */
  appBaseUrl: string;
  /** shell.openExternal in the app; a spy in tests. */
  openExternal: (url: string) => Promise<void>;
  log?: (message: string) => void;
}

/** What the guard needs of Electron's navigation events (will-navigate, will-frame-navigate, will-redirect). */
export interface NavigationEvent {
  url: string;
  preventDefault(): void;
}

export interface PreventableEvent {
  preventDefault(): void;
}

/** The part of WebContents the guard touches. */
export interface GuardedWebContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenHandlerResponse): void;
}

/** Lets a navigation through only when it stays on the app's origin. Returns whether it was allowed. */
export function guardNavigation(event: NavigationEvent, appBaseUrl: string): boolean {
  if (isAppUrl(event.url, appBaseUrl)) return true;
  event.preventDefault();
  return false;
}

/** New windows are never created; a validated http(s) link opens in the user's browser instead. */
export function createWindowOpenHandler(options: SecurityOptions): (details: { url: string }) => WindowOpenHandlerResponse {
  return (details) => {
    const external = parseExternalUrl(details.url);
    if (external) {
      options.openExternal(external.href).catch((error: unknown) => {
        options.log?.(`Could not open ${external.href} in the browser: ${error instanceof Error ? error.message : String(error)}`);
      });
    } else {
      options.log?.(`Blocked a window for ${JSON.stringify(details.url.slice(0, 200))}: not an http(s) link.`);
    }
    return { action: 'deny' };
  };
}

export function guardWebContents(contents: GuardedWebContents, options: SecurityOptions): void {
  const onNavigation = (event: NavigationEvent): void => {
    if (!guardNavigation(event, options.appBaseUrl)) {
      options.log?.(`Blocked navigation to ${JSON.stringify(event.url.slice(0, 200))}.`);
    }
  };
  contents.on('will-navigate', onNavigation);
  // Subframes and server redirects too: a frame or a 30x must not lead away from the app either.
  contents.on('will-frame-navigate', onNavigation);
  contents.on('will-redirect', onNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(createWindowOpenHandler(options));
}

/** Registers the guard on every webContents the app ever creates (app.on('web-contents-created')). */
export function installWebContentsGuard(
  app: { on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedWebContents) => void): unknown },
  options: SecurityOptions,
): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

// Copy buttons use navigator.clipboard.writeText, which asks for this one permission.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Every permission is denied except clipboard writes from the app's own pages. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, appBaseUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl, appBaseUrl);
}

export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl?: string }) => void,
  ): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean): void;
}

export function installPermissionHandlers(session: PermissionSession, appBaseUrl: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appBaseUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, appBaseUrl),
  );
}

export interface HeaderSession {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
}

/**
 * Adds the CSP header to every http(s) response of the session (production). app:// responses
 * carry it from the protocol handler, because header hooks do not run for custom protocols.
 */
export function installContentSecurityPolicyHeader(session: HeaderSession, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}
