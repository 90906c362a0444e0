import "server-only";
import Stripe from "stripe";
import { env } from "../env";

/** Billing is on when the operator configured a Stripe secret key (and its webhook secret). */
export function isBillingEnabled(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

const cache = globalThis as unknown as { atelierStripe?: Stripe };

/**
 * The Stripe client. STRIPE_API_URL points it at another server speaking Stripe's API (the tests'
 * tests/fixtures/fake-stripe); the app does not know the difference. Network retries are the
 * client's (with idempotency keys on POSTs), so a dropped connection never doubles a charge.
 */
export function stripe(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw new Error("Billing is not configured (STRIPE_SECRET_KEY is not set).");
  cache.atelierStripe ??= new Stripe(key, {
    maxNetworkRetries: 2,
    appInfo: { name: "Atelier" },
    ...apiLocation(env.STRIPE_API_URL),
  });
  return cache.atelierStripe;
}

function apiLocation(url: string | undefined) {
  if (!url) return {};
  const parsed = new URL(url);
  const protocol = parsed.protocol === "http:" ? ("http" as const) : ("https" as const);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || (protocol === "http" ? 80 : 443)),
    protocol,
  };
}

/** The webhook signing secret (present whenever billing is enabled: lib/env.ts checks it). */
export function webhookSecret(): string {
  if (!env.STRIPE_WEBHOOK_SECRET) throw new Error("STRIPE_WEBHOOK_SECRET is not set.");
  return env.STRIPE_WEBHOOK_SECRET;
}
