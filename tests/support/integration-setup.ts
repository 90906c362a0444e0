import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db/open";
import { setDatabaseForTests } from "@/lib/db";
import { createTestDatabase } from "./test-database";

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabaseForTests(db);
});

afterAll(async () => {
  await db?.close();
});
