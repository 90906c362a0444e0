import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import type { InstanceSettings } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import { saveAuditedSettings } from "../settings/save-audited-settings";
import type { ParsedPayoutSettings, PayoutSettingsView } from "./payout-settings-schema";

export function toPayoutSettingsView(settings: InstanceSettings): PayoutSettingsView {
  return {
    creatorSharePercent: settings.creatorSharePercent,
    engagedAnswersDailyCap: settings.engagedAnswersDailyCap,
    payoutThreshold: (settings.payoutThresholdCents / 100).toFixed(2),
    payoutHoldingDays: settings.payoutHoldingDays,
  };
}

export async function getPayoutSettings({ actor }: { actor: Actor }): Promise<PayoutSettingsView> {
  assertAdmin(actor);
  return toPayoutSettingsView(await getInstanceSettings());
}

/**
 * Saves the revenue share and payout rules (admin only, audited). They apply from the next close
 * and the next payout run; a closed month keeps the share and cap it was closed with.
 */
export async function savePayoutSettings({
  actor,
  input,
}: {
  actor: Actor;
  input: ParsedPayoutSettings;
}): Promise<PayoutSettingsView> {
  assertAdmin(actor);
  const data = {
    creatorSharePercent: input.creatorSharePercent,
    engagedAnswersDailyCap: input.engagedAnswersDailyCap,
    payoutThresholdCents: input.payoutThreshold,
    payoutHoldingDays: input.payoutHoldingDays,
  };
  const saved = await saveAuditedSettings({
    actor,
    action: "payout-settings.update",
    data,
    viewOf: toPayoutSettingsView,
  });
  return toPayoutSettingsView(saved);
}
