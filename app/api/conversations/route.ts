import { conversationPageQuerySchema, listConversationPage } from "@/lib/chat/conversation-page";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** GET /api/conversations?q=&cursor=&limit=: the actor's conversations, newest first, paged. */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = conversationPageQuerySchema.safeParse(params);
  if (!parsed.success) {
    throw new AppError("bad_request", parsed.error.issues[0]?.message ?? "Invalid query.");
  }
  return listConversationPage({ actor, ...parsed.data });
});
