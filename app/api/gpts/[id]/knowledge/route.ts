import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { listKnowledgeFiles } from "@/lib/knowledge/files/queries";
import { uploadKnowledgeFile } from "@/lib/knowledge/files/upload-knowledge-file";
import { fileSizeMessage } from "@/lib/knowledge/files/upload-rules";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { getKnowledgeLimits } from "@/lib/settings/instance-settings";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

function tooLarge(maxFileBytes: number): Response {
  const message = fileSizeMessage(maxFileBytes);
  return Response.json(
    { error: { code: "payload_too_large", message, fieldErrors: { file: [message] } } },
    { status: 413 },
  );
}

/** GET → { files: KnowledgeFileView[], limits, usage: { files, creatorBytes } } (owner only). */
export const GET = route<undefined, { id: string }>({ access: "user" }, ({ actor, params }) =>
  listKnowledgeFiles({ actor, gptId: params.id }),
);

/** POST multipart `file` (one per request) → 201 { file: KnowledgeFileView }; processing is queued. */
export const POST = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params, request }) => {
    const limit = await consumeRateLimit({
      key: `knowledge-upload:user:${actor.id}`,
      limit: 60,
      windowSeconds: 600,
    });
    if (!limit.isAllowed) {
      throw new AppError("rate_limited", "Too many uploads. Wait a few minutes and try again.");
    }
    const { maxFileBytes } = await getKnowledgeLimits();
    // Refuse before reading a body that is too large anyway.
    const declaredLength = Number(request.headers.get("content-length") ?? 0);
    if (declaredLength > maxFileBytes + ENVELOPE_BYTES) return tooLarge(maxFileBytes);
    const form = await request.formData().catch(() => {
      throw new AppError("bad_request", "Send the file as multipart form data.");
    });
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError("bad_request", "Choose a file to upload.", {
        file: ["Choose a file to upload."],
      });
    }
    if (file.size > maxFileBytes) return tooLarge(maxFileBytes);
    const view = await uploadKnowledgeFile({
      actor,
      gptId: params.id,
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return Response.json({ file: view }, { status: 201 });
  },
);
