import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import type { InstanceSettings, Prisma } from "../generated/prisma/client";

const SETTINGS_ID = 1;

/**
 * Saves some of the instance settings in one transaction with an audit row holding the form's
 * view before and after (the caller has checked the actor is an admin). Returns the saved row.
 */
export async function saveAuditedSettings<TView>({
  actor,
  action,
  data,
  viewOf,
}: {
  actor: Actor;
  /** The audit action, e.g. "billing-settings.update". */
  action: string;
  data: Prisma.InstanceSettingsUpdateInput & Prisma.InstanceSettingsCreateInput;
  viewOf: (settings: InstanceSettings) => TView;
}): Promise<InstanceSettings> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.instanceSettings.findUnique({ where: { id: SETTINGS_ID } });
    const settings = await tx.instanceSettings.upsert({
      where: { id: SETTINGS_ID },
      create: { ...data, id: SETTINGS_ID },
      update: data,
    });
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action,
        targetType: "InstanceSettings",
        targetId: String(SETTINGS_ID),
        data: {
          before: before ? viewOf(before) : null,
          after: viewOf(settings),
        } as Prisma.InputJsonValue,
      },
    });
    return settings;
  });
}
