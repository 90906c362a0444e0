import { AppError } from "@/lib/errors";
import { MAX_AVATAR_BYTES } from "@/lib/gpts/avatar/avatar-rules";
import { route } from "@/lib/http/route";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { removeProfileAvatar, updateProfileAvatar } from "@/lib/users/update-profile-avatar";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope around a file at the size limit. */
const MAX_BODY_BYTES = MAX_AVATAR_BYTES + 64 * 1024;

/** Uploads the profile picture (multipart field `file`) → `{ avatarUrl }`. */
export const POST = route({ access: "user" }, async ({ actor, request }) => {
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
  return updateProfileAvatar({ actor, bytes: new Uint8Array(await file.arrayBuffer()) });
});

/** Back to the initials avatar → `{ ok: true }`. */
export const DELETE = route({ access: "user" }, ({ actor }) => removeProfileAvatar({ actor }));
