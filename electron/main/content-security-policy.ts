// The one Content-Security-Policy of the UI. renderer/index.html carries the same policy in a
// <meta> tag, minus frame-ancestors which browsers honour only as a header (main sends the
// header); test/electron/security.test.ts keeps the two equal.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Monaco set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // Every provider call goes through main (IPC): the page itself talks to nobody else.
  "connect-src 'self'",
  // Monaco starts its language workers from blob: URLs.
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
