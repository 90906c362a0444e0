import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite loads its WASM and data files relative to its own package; bundling breaks those paths.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-pgvector",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    // Loaded as they are on disk: pg-boss reads its SQL at run time; the parsers run in a worker.
    "pg-boss",
    "unpdf",
    "mammoth",
  ],
  poweredByHeader: false,
  // Every response, route handlers and files included; pages get their CSP and the rest of their
  // security headers from proxy.ts (a nonce per request).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
  // The page renders docs/revenue-share.md from disk: ship the file with standalone output.
  outputFileTracingIncludes: { "/docs/revenue-share": ["./docs/revenue-share.md"] },
  // Keep build output separate so `next build` in tests never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The e2e build (scripts/e2e-app-server.ts) skips Next's own type check: `npm run typecheck`
  // is the project's check (CI runs it first), and repeating it cost ~50 s of CI's budget.
  typescript: { ignoreBuildErrors: process.env.ATELIER_BUILD_SKIP_TYPECHECK === "1" },
  experimental: {
    // Turbopack's build cache makes rebuilds fast on a developer's machine; a fresh CI checkout
    // never reuses it, so .ci/run turns it off (ATELIER_BUILD_CACHE=off) rather than write it.
    turbopackFileSystemCacheForBuild: process.env.ATELIER_BUILD_CACHE !== "off",
  },
};

export default nextConfig;
