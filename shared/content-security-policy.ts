// The one Content-Security-Policy of the UI, sent as a header by Electron main (app:// protocol)
// and by the web host. renderer/index.html carries the same policy in a <meta> tag, minus
// frame-ancestors which browsers honour only as a header; test/electron/security.test.ts keeps them equal.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Monaco set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Every provider call goes through the Node side (IPC or the web host): the page talks to nobody else.
  "connect-src 'self'",
  // Monaco starts its language workers from blob: URLs.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
