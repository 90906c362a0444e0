import "server-only";
import { prisma } from "../db";
import { AppError } from "../errors";
import { stripe } from "./stripe";

/**
 * The user's Stripe customer id, creating the customer on first need. The idempotency key is the
 * user's id, so two tabs checking out at once (or a retry) end with one customer; the conditional
 * update keeps the first id stored.
 */
export async function ensureStripeCustomer(userId: string): Promise<string> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, stripeCustomerId: true },
  });
  if (!user) throw new AppError("not_found", "Account not found.");
  if (user.stripeCustomerId) return user.stripeCustomerId;
  const customer = await stripe().customers.create(
    { email: user.email, name: user.name ?? undefined, metadata: { atelierUserId: userId } },
    { idempotencyKey: `customer-${userId}` },
  );
  await prisma.user.updateMany({
    where: { id: userId, stripeCustomerId: null },
    data: { stripeCustomerId: customer.id },
  });
  const stored = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { stripeCustomerId: true },
  });
  return stored.stripeCustomerId ?? customer.id;
}
