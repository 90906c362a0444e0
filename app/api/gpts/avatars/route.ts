import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import { readAvatarUpload } from "@/lib/gpts/avatar/read-avatar-upload";
import { storeAvatarImage } from "@/lib/gpts/avatar/store-avatar-image";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * Uploads a GPT picture (multipart field `file`) → 201 `{ key, url }`. The draft then names it by
 * key; the picture is checked by content, resized and stored as WebP (lib/gpts/avatar).
 */
export const POST = route({ access: "user" }, async ({ actor, request }) => {
  const bytes = await readAvatarUpload({ actor, request });
  const { key } = await storeAvatarImage({ ownerId: actor.id, bytes });
  return Response.json({ key, url: avatarUrl(key) }, { status: 201 });
});
