/**
 * The Content-Security-Policy of every page (set by proxy.ts), following
 * node_modules/next/dist/docs/01-app/02-guides/content-security-policy.md:
 * scripts run only with this response's nonce ('strict-dynamic' lets
 * Next's own chunks load what they import). Not "server-only": the proxy
 * imports it.
 */

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy(options: { nonce: string; dev: boolean; https: boolean }): string {
  const { nonce, dev, https } = options;
  const directives = [
    "default-src 'self'",
    // React's development build evaluates code for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Development injects <style> tags from JavaScript; production links its CSS files.
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    // The root layout sets the site colours as custom properties in <html style>.
    "style-src-attr 'unsafe-inline'",
    // Stories may show republished Creative Commons images and promos/experts link https images;
    // the outlet's counter image is fetched by the server, never by the reader's browser.
    "img-src 'self' data: blob: https:",
    // Video and audio stories play files hosted elsewhere (an https mediaUrl).
    "media-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    // Over http (a local `npm start`) upgrading would break every same-origin request.
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
