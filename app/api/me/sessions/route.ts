import { listUserSessions, revokeAllUserSessions } from "@/lib/auth/user-sessions";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET → { sessions }: the signed-in user's live sessions, this one marked. */
export const GET = route({ access: "user" }, async ({ actor }) => ({
  sessions: await listUserSessions(actor),
}));

/** DELETE → { revoked }: "Sign out everywhere", this browser included. */
export const DELETE = route({ access: "user" }, async ({ actor }) => ({
  revoked: await revokeAllUserSessions({ userId: actor.id }),
}));
