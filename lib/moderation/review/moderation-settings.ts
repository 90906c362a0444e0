import "server-only";
import { assertAdmin } from "../../admin/policy";
import type { Actor } from "../../auth/session";
import type { InstanceSettings } from "../../generated/prisma/client";
import { parseInput } from "../../gpts/parse-input";
import { getInstanceSettings } from "../../settings/instance-settings";
import { saveAuditedSettings } from "../../settings/save-audited-settings";
import { type ModerationSettings, moderationSettingsInputSchema } from "./schemas";

export function moderationSettingsOf(settings: InstanceSettings): ModerationSettings {
  return {
    listingReviewPolicy: settings.listingReviewPolicy,
    blockedTerms: settings.moderationBlockedTerms,
    protectedNames: settings.moderationProtectedNames,
  };
}

export async function getModerationSettingsForAdmin({
  actor,
}: {
  actor: Actor;
}): Promise<ModerationSettings> {
  assertAdmin(actor);
  return moderationSettingsOf(await getInstanceSettings());
}

/**
 * Admin → Settings → Store moderation (audited `settings.moderation`). A new policy or list
 * applies to the next submission; listings already in the store or in review stay as they are.
 */
export async function saveModerationSettings({
  actor,
  input,
}: {
  actor: Actor;
  input: unknown;
}): Promise<ModerationSettings> {
  assertAdmin(actor);
  const settings = parseInput(moderationSettingsInputSchema, input);
  const saved = await saveAuditedSettings({
    actor,
    action: "settings.moderation",
    data: {
      listingReviewPolicy: settings.listingReviewPolicy,
      moderationBlockedTerms: settings.blockedTerms,
      moderationProtectedNames: settings.protectedNames,
    },
    viewOf: moderationSettingsOf,
  });
  return moderationSettingsOf(saved);
}
