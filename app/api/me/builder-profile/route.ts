import { route } from "@/lib/http/route";
import { getBuilderProfile } from "@/lib/users/builder-profile-queries";
import { builderProfileSchema } from "@/lib/users/builder-profile-schema";
import { updateBuilderProfile } from "@/lib/users/update-builder-profile";

export const dynamic = "force-dynamic";

/** The signed-in creator's profile → `{ profile: { displayName } | null, suggestedDisplayName }`. */
export const GET = route({ access: "user" }, ({ actor }) => getBuilderProfile({ actor }));

/** Creates or renames it → `{ profile: { displayName } }`; field errors under `displayName`. */
export const PUT = route<typeof builderProfileSchema>(
  { access: "user", body: builderProfileSchema },
  ({ actor, body }) => updateBuilderProfile({ actor, input: body }),
);
