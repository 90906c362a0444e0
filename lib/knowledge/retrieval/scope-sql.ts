import "server-only";
import { database } from "../../db";
import type { KnowledgeScope } from "../types";

/**
 * The ids of the files a scope searches. A version searches exactly the files it was published
 * with (even ones since removed from the draft); the draft searches files still in the draft.
 * Only READY files: a file being (re)processed has partial chunks.
 *
 * Retrieval then filters chunks by `"fileId" = ANY(ids)`: a GPT has a handful of files (the
 * instance limit is ~20), so the planner walks the fileId index instead of scanning every GPT's
 * chunks, whatever the statistics say (PGlite has no autovacuum to keep them fresh).
 */
export async function scopeFileIds(scope: KnowledgeScope): Promise<string[]> {
  const rows = scope.versionId
    ? await database().sql.query<{ id: string }>(
        `SELECT f."id" FROM "KnowledgeFile" f
         JOIN "GptVersionKnowledgeFile" vf ON vf."fileId" = f."id" AND vf."versionId" = $2
         WHERE f."gptId" = $1 AND f."status" = 'READY'`,
        [scope.gptId, scope.versionId],
      )
    : await database().sql.query<{ id: string }>(
        `SELECT f."id" FROM "KnowledgeFile" f
         WHERE f."gptId" = $1 AND f."status" = 'READY' AND f."inDraft" = true`,
        [scope.gptId],
      );
  return rows.map((row) => row.id);
}
