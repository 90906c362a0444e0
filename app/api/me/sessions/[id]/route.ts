import { revokeOwnSession } from "@/lib/auth/user-sessions";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** DELETE → { ok }: signs one of the user's other browsers out. */
export const DELETE = route<undefined, { id: string }>(
  { access: "user" },
  async ({ actor, params }) => {
    const isRevoked = await revokeOwnSession({ actor, sessionId: params.id });
    if (!isRevoked) throw new AppError("not_found", "That session has already ended.");
    return { ok: true };
  },
);
