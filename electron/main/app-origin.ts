// Where the UI lives and how to tell whether a URL belongs to it. Pure: no runtime Electron import.

/** The custom scheme the production UI is served from (registered as standard + secure). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'juxta';
export const APP_BASE_URL = `${APP_SCHEME}://${APP_HOST}/`;

/**
 * True when rawUrl has exactly the protocol, host and port of appBaseUrl.
 * Compares parsed parts, not strings: `new URL('app://juxta').origin` is "null" in Node for
 * non-special schemes, and prefix checks accept "app://juxta.evil" or "http://localhost:5173@evil".
 */
export function isAppUrl(rawUrl: string, appBaseUrl: string): boolean {
  let url: URL;
  let base: URL;
  try {
    url = new URL(rawUrl);
    base = new URL(appBaseUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === base.protocol &&
    url.hostname === base.hostname &&
    url.port === base.port &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The URL the window loads: the electron-vite dev server in development, app://juxta/ otherwise.
 * A packaged app ignores ELECTRON_RENDERER_URL so an environment variable cannot point the
 * preload-bearing window at a foreign page.
 */
export function resolveAppBaseUrl(options: { isPackaged: boolean; rendererUrl: string | undefined }): string {
  if (options.isPackaged || !options.rendererUrl) return APP_BASE_URL;
  const devUrl = new URL(options.rendererUrl);
  // The dev server is local by construction; anything else is a misconfiguration, not a feature.
  const loopback = devUrl.hostname === 'localhost' || devUrl.hostname === '127.0.0.1' || devUrl.hostname === '[::1]';
  if (devUrl.protocol !== 'http:' || !loopback) {
    throw new Error(`ELECTRON_RENDERER_URL must be a loopback http URL (the electron-vite dev server), got ${options.rendererUrl}`);
  }
  return `${devUrl.protocol}//${devUrl.host}/`;
}
