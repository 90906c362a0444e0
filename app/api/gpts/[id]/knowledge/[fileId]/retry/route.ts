import { route } from "@/lib/http/route";
import { retryKnowledgeFile } from "@/lib/knowledge/files/retry-knowledge-file";

export const dynamic = "force-dynamic";

/** POST → { file: KnowledgeFileView }: a FAILED file goes back in the queue (409 otherwise). */
export const POST = route<undefined, { id: string; fileId: string }>(
  { access: "user" },
  async ({ actor, params }) => ({
    file: await retryKnowledgeFile({ actor, gptId: params.id, fileId: params.fileId }),
  }),
);
