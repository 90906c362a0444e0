import "server-only";
import type { Actor } from "../../auth/session";
import { AppError } from "../../errors";
import { consumeRateLimit } from "../../security/rate-limit";
import { MAX_AVATAR_BYTES } from "./avatar-rules";

/** Room for the multipart envelope around a file at the size limit. */
const MAX_BODY_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

/**
 * The picture bytes of an avatar upload (multipart field `file`), for GPT pictures and profile
 * pictures alike: one upload budget per user (30 per 10 minutes), the declared size checked
 * before the body is read. The bytes are checked by content when stored (storeAvatarImage).
 */
export async function readAvatarUpload({
  actor,
  request,
}: {
  actor: Actor;
  request: Request;
}): Promise<Uint8Array> {
  const limit = await consumeRateLimit({
    key: `avatar-upload:user:${actor.id}`,
    limit: 30,
    windowSeconds: 600,
  });
  if (!limit.isAllowed) {
    throw new AppError("rate_limited", "Too many uploads. Wait a few minutes and try again.");
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new AppError("bad_request", "The picture is larger than 2 MB.", {
      file: ["The picture is larger than 2 MB."],
    });
  }
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "Send the picture as multipart form data.");
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("bad_request", "Choose a picture to upload.", {
      file: ["Choose a picture to upload."],
    });
  }
  return new Uint8Array(await file.arrayBuffer());
}
