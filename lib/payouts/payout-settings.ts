import "server-only";
import { assertAdmin } from "../admin/policy";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { InstanceSettings } from "../generated/prisma/client";
import { getInstanceSettings } from "../settings/instance-settings";
import type { ParsedPayoutSettings, PayoutSettingsView } from "./payout-settings-schema";

const SETTINGS_ID = 1;

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
  return prisma.$transaction(async (tx) => {
    const before = await tx.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
    const saved = await tx.instanceSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...data },
      update: data,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "payout-settings.update",
        targetType: "InstanceSettings",
        targetId: String(SETTINGS_ID),
        data: {
          before: before ? toPayoutSettingsView(before) : null,
          after: toPayoutSettingsView(saved),
        },
      },
    });
    return toPayoutSettingsView(saved);
  });
}
