import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // `server-only` throws outside React Server Components; tests run the server code directly.
  "server-only": path.resolve(import.meta.dirname, "tests/support/empty-module.ts"),
};

const SESSION_STUB_MOCK =
  'vi.mock("@/lib/auth/session", () => import("../../support/session-stub"))';

/**
 * Test files, by how they may share a worker. Without isolation a worker keeps its
 * module cache from one file to the next, which more than halves the suite's CPU time (the app's
 * modules, Prisma and PGlite load once per worker, not once per file) but means a module mocked in
 * one file is not mocked for modules another file already loaded. So:
 * - files that mock no module share workers;
 * - files whose only mock is the session stub share workers among themselves (the same stub for all);
 * - files with any other module mock (a temporary storage folder in lib/env, a failing embedder)
 *   run isolated, one fresh worker per file.
 */
function classifyTestFiles(dir: string): Record<"plain" | "sessionStub" | "isolated", string[]> {
  const groups = { plain: [] as string[], sessionStub: [] as string[], isolated: [] as string[] };
  const files = readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".test.ts"))
    .map((file) => path.posix.join(dir, file.split(path.sep).join("/")));
  for (const file of files.sort()) {
    const source = readFileSync(file, "utf8");
    const mocks = source.match(/\bvi\.(mock|doMock)\(/g)?.length ?? 0;
    const sessionStubMocks = source.split(SESSION_STUB_MOCK).length - 1;
    if (mocks === 0) groups.plain.push(file);
    else if (mocks === sessionStubMocks) groups.sessionStub.push(file);
    else groups.isolated.push(file);
  }
  return groups;
}

/** Pure logic: files share workers, except any that mock a module (see classifyTestFiles). */
function unitProjects(): TestProjectInlineConfiguration[] {
  const { plain, sessionStub, isolated } = classifyTestFiles("tests/unit");
  const project = (name: string, include: string[], isolate: boolean) => ({
    resolve: { alias },
    test: { name, include, isolate, environment: "node" as const },
  });
  return [
    project("unit", plain, false),
    project("unit-isolated", [...sessionStub, ...isolated], true),
  ].filter((unit) => unit.test.include.length > 0);
}

function integrationProjects(): TestProjectInlineConfiguration[] {
  // Files whose processes share one database need PostgreSQL (never the embedded one): when CI
  // runs a PostgreSQL pass they run there only; otherwise each starts a cluster.
  const exclude =
    process.env.TEST_ALSO_POSTGRES_URL && !process.env.TEST_DATABASE_URL
      ? [
          "tests/integration/chat-engine/two-processes.test.ts",
          "tests/integration/payouts/payouts.test.ts",
        ]
      : // The PostgreSQL pass skips files that never open the database: the fake vendors, the
        // egress guard, object storage. The embedded pass already ran them.
        process.env.TEST_DATABASE_URL
        ? [
            "tests/integration/fixtures/**",
            "tests/integration/security/egress-ssrf.test.ts",
            "tests/integration/storage/s3-store.test.ts",
          ]
        : [];
  const groups = classifyTestFiles("tests/integration");
  const project = (name: string, include: string[], isolate: boolean) => ({
    resolve: { alias },
    test: {
      name,
      include,
      exclude,
      isolate,
      environment: "node" as const,
      testTimeout: 30_000,
      hookTimeout: 60_000,
      // Uploads (avatars) go to a throwaway folder, never the developer's .data/files.
      env: { STORAGE_DIR: ".test-data/integration-files" },
      // Each file gets its own database (from one migrated template); files run in parallel
      // across workers.
      globalSetup: ["tests/support/integration-global-setup.ts"],
      setupFiles: ["tests/support/integration-setup.ts"],
    },
  });
  return [
    project("integration", groups.plain, false),
    project("integration-session-stub", groups.sessionStub, false),
    project("integration-isolated", groups.isolated, true),
  ].filter((integration) => integration.test.include.length > 0);
}

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [...unitProjects(), ...integrationProjects()],
  },
});
