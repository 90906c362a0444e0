import { readAvatarUpload } from "@/lib/gpts/avatar/read-avatar-upload";
import { route } from "@/lib/http/route";
import { removeProfileAvatar, updateProfileAvatar } from "@/lib/users/update-profile-avatar";

export const dynamic = "force-dynamic";

/** Uploads the profile picture (multipart field `file`) → `{ avatarUrl }`. */
export const POST = route({ access: "user" }, async ({ actor, request }) =>
  updateProfileAvatar({ actor, bytes: await readAvatarUpload({ actor, request }) }),
);

/** Back to the initials avatar → `{ ok: true }`. */
export const DELETE = route({ access: "user" }, ({ actor }) => removeProfileAvatar({ actor }));
