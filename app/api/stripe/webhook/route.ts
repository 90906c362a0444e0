import { processStripeEvent, verifyStripeEvent } from "@/lib/billing/webhook";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * Stripe's webhook endpoint. No session: Stripe is trusted only through the signature, checked on
 * the raw body. 400 on a bad or stale signature, 200 once applied (or already applied), 500 on a
 * failure so Stripe delivers the event again.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const event = verifyStripeEvent(await request.text(), request.headers.get("stripe-signature"));
    return Response.json({ received: true, outcome: await processStripeEvent(event) });
  } catch (error) {
    return errorResponse(error);
  }
}
