/**
 * The Content-Security-Policy of every page Sprintlog shows: only its own scripts, styles and data, no
 * inline scripts, no plugins, no framing. The desktop app sends it as a response header and the page
 * carries the same policy in a meta tag; web mode sends it with every HTML response.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** The policy as a meta tag can carry it (browsers ignore frame-ancestors there). */
export const META_CSP = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ')
