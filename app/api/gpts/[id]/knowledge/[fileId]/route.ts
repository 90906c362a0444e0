import { route } from "@/lib/http/route";
import { removeKnowledgeFile } from "@/lib/knowledge/files/remove-knowledge-file";

export const dynamic = "force-dynamic";

/**
 * DELETE → { ok: true }: removes the file from the draft (kept while the published version uses
 * it, deleted with its chunks and blob otherwise).
 */
export const DELETE = route<undefined, { id: string; fileId: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    await removeKnowledgeFile({ actor, gptId: params.id, fileId: params.fileId });
    return { ok: true };
  },
);
