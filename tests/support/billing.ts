import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { POST as webhookRoute } from "@/app/api/stripe/webhook/route";
import { configureStripeForTests } from "@/lib/billing/stripe";
import { type FakeStripe, startFakeStripe } from "../fixtures/fake-stripe/server";

/**
 * Billing against the fake Stripe (tests/fixtures/fake-stripe): the app's Stripe client points at
 * it, and its webhooks reach the app's real route handler (POST /api/stripe/webhook) through a
 * small HTTP server, so signatures, retries and ordering are exercised end to end.
 */
export type BillingHarness = {
  fake: FakeStripe;
  /** A client for the test itself (to look at what Stripe holds, or change it as a customer would). */
  stripe: Stripe;
  close(): Promise<void>;
};

export async function startBillingHarness(): Promise<BillingHarness> {
  const receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    // Forwarded as Stripe sends it: no Origin or Sec-Fetch-Site, so the webhook must stay outside
    // the same-origin check that guards the cookie-authenticated routes (lib/http/same-origin).
    const response = await webhookRoute(
      new Request(`http://localhost${req.url}`, {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await listen(receiver);
  const { port } = receiver.address() as AddressInfo;
  const fake = await startFakeStripe({
    webhookUrl: `http://127.0.0.1:${port}/api/stripe/webhook`,
    retryDelayMs: 20,
  });
  configureStripeForTests({
    secretKey: fake.secretKey,
    webhookSecret: fake.webhookSecret,
    apiUrl: fake.url,
  });
  const stripe = new Stripe(fake.secretKey, { host: fake.host, port: fake.port, protocol: "http" });
  return {
    fake,
    stripe,
    async close() {
      configureStripeForTests(null);
      await fake.close();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
}

/** Completes a Checkout session on the fake's hosted page, as a customer clicking "Pay". */
export async function payCheckout(checkoutUrl: string): Promise<void> {
  const page = await fetch(checkoutUrl);
  if (!page.ok) throw new Error(`Checkout page answered ${page.status}`);
  const paid = await fetch(`${checkoutUrl}/pay`, { method: "POST", redirect: "manual" });
  if (paid.status !== 303) throw new Error(`Paying answered ${paid.status}: ${await paid.text()}`);
}
