import { afterAll, beforeAll, vi } from "vitest";
import { setDatabaseForTests } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { forgetChatLimitsCache } from "@/lib/limits/chat-limits";
import { forgetInstanceSecrets } from "@/lib/security/instance-secrets";
import { createTestDatabase } from "./test-database";

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabaseForTests(db);
  // Workers are reused across files: secrets and chat limits cached from another file's database
  // must go.
  forgetInstanceSecrets();
  forgetChatLimitsCache();
});

afterAll(async () => {
  // Most files share a worker with the next one (vitest.config.ts): no spy outlives its file.
  vi.restoreAllMocks();
  await db?.close();
});
