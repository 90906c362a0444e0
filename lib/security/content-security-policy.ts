/**
 * The Content-Security-Policy of every page, and the other security headers pages carry. Pure (no
 * env, no I/O): proxy.ts builds the header per request with a fresh nonce.
 *
 * - Scripts: only Next's own, carrying this request's nonce ('strict-dynamic' lets them load their
 *   chunks). An injected <script> or inline handler never runs. Development adds 'unsafe-eval' for
 *   React's dev tooling.
 * - Styles: 'unsafe-inline', because React `style` attributes (Radix positioning, Recharts, Shiki's
 *   highlighted code) are inline styles; CSS cannot run code.
 * - Images: our own files plus any https source (GPT pictures may come from object storage,
 *   profile pictures from an OAuth provider).
 * - Framing: 'none' (clickjacking); the embed routes of the embed widget opt out on their own.
 */
export type PolicyOptions = {
  nonce: string;
  isDevelopment: boolean;
  /** The app is served over https: ask the browser to upgrade any http subresource. */
  isHttps: boolean;
  /** Set for a page that other sites may frame (the embed widget). */
  frameAncestors?: string;
};

export function contentSecurityPolicy(options: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${options.nonce}'`,
      "'strict-dynamic'",
      ...(options.isDevelopment ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", "https:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(options.isDevelopment ? ["ws:"] : [])],
    ["media-src", "'self'", "blob:"],
    ["worker-src", "'self'", "blob:"],
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", options.frameAncestors ?? "'none'"],
  ];
  if (options.isHttps) directives.push(["upgrade-insecure-requests"]);
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Headers every page carries besides the CSP. */
export function pageSecurityHeaders(options: {
  isHttps: boolean;
  /** A page other sites may frame (PolicyOptions.frameAncestors): no X-Frame-Options then. */
  isFramable?: boolean;
}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // For browsers that predate CSP's frame-ancestors.
    ...(options.isFramable ? {} : { "X-Frame-Options": "DENY" }),
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    ...(options.isHttps
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

/** A nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
