import { z } from "zod";
import { confirmCheckout } from "@/lib/billing/checkout";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const confirmSchema = z.object({ sessionId: z.string().min(1).max(255) });

/** POST { sessionId } after returning from Checkout → { status, kind }; applies a completed session. */
export const POST = route({ access: "user", body: confirmSchema }, async ({ actor, body }) =>
  confirmCheckout({ actor, sessionId: body.sessionId }),
);
