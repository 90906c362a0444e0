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
  // Keep build output separate so `next build` in tests never clobbers a running `npm start`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
