import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests run the server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // Files whose processes share one database need PostgreSQL (never the embedded one):
          // when CI runs a PostgreSQL pass they run there only; otherwise each starts a cluster.
          exclude:
            process.env.TEST_ALSO_POSTGRES_URL && !process.env.TEST_DATABASE_URL
              ? [
                  "tests/integration/chat-engine/two-processes.test.ts",
                  "tests/integration/payouts/payouts.test.ts",
                ]
              : [],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Uploads (avatars) go to a throwaway folder, never the developer's .data/files.
          env: { STORAGE_DIR: ".test-data/integration-files" },
          // Each file gets its own database (from one migrated template); files run in parallel
          // across workers.
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
        },
      },
    ],
  },
});
