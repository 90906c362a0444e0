import { route } from "@/lib/http/route";
import { getMyProfile } from "@/lib/users/profile-queries";
import { profileSettingsSchema } from "@/lib/users/profile-schema";
import { updateProfile } from "@/lib/users/update-profile";

export const dynamic = "force-dynamic";

/** The signed-in user's profile (suggestions when not saved yet) → MyProfile. */
export const GET = route({ access: "user" }, ({ actor }) => getMyProfile({ actor }));

/** Saves handle, display name, bio and website → MyProfile; 409 when the handle is taken. */
export const PUT = route<typeof profileSettingsSchema>(
  { access: "user", body: profileSettingsSchema },
  ({ actor, body }) => updateProfile({ actor, input: body }),
);
