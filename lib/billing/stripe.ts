import "server-only";
import Stripe from "stripe";
import { env } from "../env";

type StripeConfig = { secretKey?: string; webhookSecret?: string; apiUrl?: string };

const cache = globalThis as unknown as {
  atelierStripe?: Stripe;
  atelierStripeConfig?: StripeConfig;
};

function config(): StripeConfig {
  return (
    cache.atelierStripeConfig ?? {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiUrl: env.STRIPE_API_URL,
    }
  );
}

/** Tests point billing at their own fake Stripe (or turn it off with `null`). */
export function configureStripeForTests(override: StripeConfig | null): void {
  cache.atelierStripeConfig = override ?? undefined;
  cache.atelierStripe = undefined;
}

/** Billing is on when the operator configured a Stripe secret key (and its webhook secret). */
export function isBillingEnabled(): boolean {
  return Boolean(config().secretKey);
}

/**
 * The Stripe client. STRIPE_API_URL points it at another server speaking Stripe's API (the tests'
 * tests/fixtures/fake-stripe); the app does not know the difference. Network retries are the
 * client's (with idempotency keys on POSTs), so a dropped connection never doubles a charge.
 */
export function stripe(): Stripe {
  const { secretKey, apiUrl } = config();
  if (!secretKey) throw new Error("Billing is not configured (STRIPE_SECRET_KEY is not set).");
  cache.atelierStripe ??= new Stripe(secretKey, {
    maxNetworkRetries: 2,
    appInfo: { name: "Atelier" },
    ...apiLocation(apiUrl),
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
  const secret = config().webhookSecret;
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET is not set.");
  return secret;
}
