import { createShare } from "@/lib/chat/share/create-share";
import { revokeShare } from "@/lib/chat/share/revoke-share";
import { getShareForOwner } from "@/lib/chat/share/share-queries";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** GET: the conversation's active link (or null) for its owner. */
export const GET = route<undefined, Params>({ access: "user" }, async ({ actor, params }) => {
  const result = await getShareForOwner({ actor, conversationId: params.id });
  if (!result) throw new AppError("not_found", "Conversation not found.");
  return result;
});

/** POST: create the link, or refresh its copy (same link while it is active). */
export const POST = route<undefined, Params>({ access: "user" }, async ({ actor, params }) => ({
  share: await createShare({ actor, conversationId: params.id }),
}));

/** DELETE: revoke the link for good. */
export const DELETE = route<undefined, Params>({ access: "user" }, ({ actor, params }) =>
  revokeShare({ actor, conversationId: params.id }),
);
