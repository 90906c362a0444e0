import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { listOutbox } from "@/lib/mail/outbox-queries";
import { outboxQuerySchema } from "@/lib/mail/outbox-schemas";

export const dynamic = "force-dynamic";

/**
 * GET ?status=queued|sent|failed|logged&cursor=<id> → OutboxPage (admins only). Mail bodies are
 * included for LOGGED mail only.
 */
export const GET = route({ access: "admin" }, async ({ actor, request }) => {
  const search = new URL(request.url).searchParams;
  const query = outboxQuerySchema.safeParse({
    status: search.get("status"),
    cursor: search.get("cursor"),
  });
  if (!query.success) {
    throw new AppError("bad_request", "Unknown status: use queued, sent, failed or logged.");
  }
  return listOutbox({ actor, status: query.data.status, cursor: query.data.cursor });
});
