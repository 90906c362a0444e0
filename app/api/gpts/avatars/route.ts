import { AppError } from "@/lib/errors";
import { MAX_AVATAR_BYTES } from "@/lib/gpts/avatar/avatar-rules";
import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import { storeAvatarImage } from "@/lib/gpts/avatar/store-avatar-image";
import { route } from "@/lib/http/route";
import { consumeRateLimit } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file at the size limit. */
const MAX_BODY_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

/**
 * Uploads a GPT picture (multipart field `file`) → 201 `{ key, url }`. The draft then names it by
 * key; the picture is checked by content, resized and stored as WebP (lib/gpts/avatar).
 */
export const POST = route({ access: "user" }, async ({ actor, request }) => {
  const limit = await consumeRateLimit({
    key: `avatar-upload:user:${actor.id}`,
    limit: 30,
    windowSeconds: 600,
  });
  if (!limit.isAllowed) {
    throw new AppError("rate_limited", "Too many uploads. Wait a few minutes and try again.");
  }
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) {
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
  const { key } = await storeAvatarImage({
    ownerId: actor.id,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return Response.json({ key, url: avatarUrl(key) }, { status: 201 });
});
