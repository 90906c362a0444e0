import "server-only";
import type { Actor } from "../auth/session";
import { getFreePlan } from "../billing/plans";
import { prisma } from "../db";
import { AppError } from "../errors";
import { publish } from "../events/bus";
import type { InstanceSettings, Plan } from "../generated/prisma/client";
import { formatDollars, parseDollars } from "../limits/dollars";
import { getInstanceSettings } from "./instance-settings";
import {
  type InstanceSettingsInput,
  type InstanceSettingsView,
  instanceSettingsInputSchema,
} from "./schemas";

const SETTINGS_ID = 1;

/**
 * The settings as the admin form shows them. "Daily messages" is the Free plan's daily allowance
 * (every user without a subscription is on it), so it is read from and saved to that plan.
 */
export function toInstanceSettingsView(
  settings: InstanceSettings,
  freePlan: Pick<Plan, "dailyMessages">,
): InstanceSettingsView {
  return {
    knowledgeMaxFilesPerGpt: settings.knowledgeMaxFilesPerGpt,
    knowledgeMaxFileMb: settings.knowledgeMaxFileMb,
    knowledgeMaxTokensPerFile: settings.knowledgeMaxTokensPerFile,
    knowledgeMaxMbPerCreator: settings.knowledgeMaxMbPerCreator,
    embeddingModelConfigId: settings.embeddingModelConfigId,
    egressAllowlist: settings.egressAllowlist,
    egressAllowedPorts: settings.egressAllowedPorts,
    actionMaxCallsPerTurn: settings.actionMaxCallsPerTurn,
    chatBurstMessages: settings.chatBurstMessages,
    chatMessagesPerMinute: settings.chatMessagesPerMinute,
    chatDailyMessages: freePlan.dailyMessages,
    gptDailySpendCapDollars: formatDollars(settings.gptDailySpendCapMicros),
    instanceDailySpendCapDollars: formatDollars(settings.instanceDailySpendCapMicros),
  };
}

/** "20.00" → 20000000n; the schema has already accepted the text. */
function toMicros(dollars: string): bigint {
  const parsed = parseDollars(dollars);
  if (!parsed.isValid) throw new AppError("bad_request", parsed.error);
  return parsed.micros;
}

export async function getInstanceSettingsForAdmin({
  actor,
}: {
  actor: Actor;
}): Promise<InstanceSettingsView> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  return toInstanceSettingsView(await getInstanceSettings(), await getFreePlan());
}

/**
 * Saves the instance settings (admin only) and records the change in the audit log. Lowering a
 * knowledge limit never touches existing files; it applies to the next upload. Chat limits apply
 * to the next message.
 */
export async function updateInstanceSettings({
  actor,
  input,
}: {
  actor: Actor;
  input: InstanceSettingsInput;
}): Promise<InstanceSettingsView> {
  if (actor.role !== "ADMIN") throw new AppError("forbidden", "Administrators only.");
  const parsed = instanceSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join(".") || "_";
      fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    throw new AppError("bad_request", "Check the highlighted fields.", fieldErrors);
  }
  const { gptDailySpendCapDollars, instanceDailySpendCapDollars, chatDailyMessages, ...fields } =
    parsed.data;
  const freePlanBefore = await getFreePlan();
  const data = {
    ...fields,
    gptDailySpendCapMicros: toMicros(gptDailySpendCapDollars),
    instanceDailySpendCapMicros: toMicros(instanceDailySpendCapDollars),
    egressAllowlist: [...new Set(parsed.data.egressAllowlist)],
    egressAllowedPorts: [...new Set(parsed.data.egressAllowedPorts)].sort((a, b) => a - b),
  };
  const saved = await prisma.$transaction(async (tx) => {
    if (data.embeddingModelConfigId) {
      const model = await tx.modelConfig.findFirst({
        where: { id: data.embeddingModelConfigId, kind: "EMBEDDING", isEnabled: true },
        select: { id: true },
      });
      if (!model) {
        const message = "Choose an enabled embedding model, or none.";
        throw new AppError("bad_request", message, { embeddingModelConfigId: [message] });
      }
    }
    const before = await tx.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
    const settings = await tx.instanceSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { id: SETTINGS_ID, ...data },
      update: data,
    });
    const freePlan = await tx.plan.update({
      where: { id: freePlanBefore.id },
      data: { dailyMessages: chatDailyMessages },
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: "settings.update",
        targetType: "InstanceSettings",
        targetId: String(SETTINGS_ID),
        data: {
          before: before ? toInstanceSettingsView(before, freePlanBefore) : null,
          after: toInstanceSettingsView(settings, freePlan),
        },
      },
    });
    return { settings, freePlan };
  });
  // This process applies the new chat limits at once; other processes within their cache's 5 s.
  publish("instance-settings", {});
  return toInstanceSettingsView(saved.settings, saved.freePlan);
}
