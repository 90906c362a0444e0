import "server-only";
import type { Actor } from "../auth/session";
import { AppError } from "../errors";
import { publish } from "../events/bus";
import type { InstanceSettings } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import { saveAuditedSettings } from "../settings/save-audited-settings";
import type { BillingSettingsView, ParsedBillingSettings } from "./billing-settings-schema";

function toView(settings: InstanceSettings): BillingSettingsView {
  return {
    creditPricePercent: settings.creditPricePercent,
    creditPacks: settings.creditPackCents.map((cents) => (cents / 100).toFixed(2)),
    pastDueGraceDays: settings.pastDueGraceDays,
  };
}

export async function getBillingSettings({
  actor,
}: {
  actor: Actor;
}): Promise<BillingSettingsView> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  return toView(await getInstanceSettings());
}

/**
 * Saves the credit price, the packs on offer and the grace period (admin only, audited). The
 * next message uses them (the chat's cached limits are cleared in every process); answers already
 * holding credits are charged at the price they started with at most (their hold).
 */
export async function saveBillingSettings({
  actor,
  input,
}: {
  actor: Actor;
  /** Parsed by billingSettingsInputSchema (the route does it): packs already in cents. */
  input: ParsedBillingSettings;
}): Promise<BillingSettingsView> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  const data = {
    creditPricePercent: input.creditPricePercent,
    creditPackCents: input.creditPacks,
    pastDueGraceDays: input.pastDueGraceDays,
  };
  const saved = await saveAuditedSettings({
    actor,
    action: "billing-settings.update",
    data,
    viewOf: toView,
  });
  publish("instance-settings", {});
  return toView(saved);
}
