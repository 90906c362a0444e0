import { apiRoute } from "@/lib/api/api-route";
import { readUploadedFile } from "@/lib/api/management/read-upload";
import { respond } from "@/lib/api/management/respond";
import { knowledgeFileListSchema, knowledgeFileSchema } from "@/lib/api/management/schemas";
import { AppError } from "@/lib/errors";
import { listKnowledgeFiles } from "@/lib/knowledge/files/queries";
import { uploadKnowledgeFile } from "@/lib/knowledge/files/upload-knowledge-file";
import { fileSizeMessage } from "@/lib/knowledge/files/upload-rules";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { getKnowledgeLimits } from "@/lib/settings/instance-settings";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** The GPT's knowledge files with their processing status, limits and usage. */
export const GET = apiRoute<undefined, Params>(
  { scope: "gpts:read" },
  async ({ actor, params }) => {
    const { files, limits, usage } = await listKnowledgeFiles({ actor, gptId: params.id });
    return respond(knowledgeFileListSchema, { data: files, limits, usage });
  },
);

/**
 * Uploads one knowledge file (multipart field `file`) to the draft through the UI's upload: the
 * same type detection, size, count and plan limits, and the same per-user upload budget → 201 with
 * the file, QUEUED; processing runs in the background (poll GET until READY or FAILED).
 */
export const POST = apiRoute<undefined, Params>(
  { scope: "gpts:write" },
  async ({ actor, params, request }) => {
    const limit = await consumeRateLimit({
      key: `knowledge-upload:user:${actor.id}`,
      limit: 60,
      windowSeconds: 600,
    });
    if (!limit.isAllowed) {
      throw new AppError(
        "rate_limited",
        "Too many uploads. Wait a few minutes and try again.",
        undefined,
        {
          retryAfterSeconds: limit.retryAfterSeconds,
        },
      );
    }
    const { maxFileBytes } = await getKnowledgeLimits();
    const file = await readUploadedFile(request, {
      maxBytes: maxFileBytes,
      tooLargeMessage: fileSizeMessage(maxFileBytes),
    });
    if (file instanceof Response) return file;
    const view = await uploadKnowledgeFile({
      actor,
      gptId: params.id,
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return respond(knowledgeFileSchema, view, { status: 201 });
  },
);
