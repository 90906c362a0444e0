import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { avatarUrl } from "../gpts/avatar/avatar-url";
import { getAvatarColor } from "../utils/avatar-colors";
import {
  DEFAULT_EMBED_SETTINGS,
  type EmbedConfig,
  type EmbedSettings,
  type EmbedSettingsView,
} from "./schemas";
import { readableForeground } from "./theme";

const settingsSelect = {
  isEnabled: true,
  allowedOrigins: true,
  dailyMessageBudget: true,
  visitorMessagesPerHour: true,
  themeColor: true,
  position: true,
  greeting: true,
} as const;

/** The owner's widget settings (defaults until first saved). Another user's GPT is a 404. */
export async function getEmbedSettings({
  actor,
  gptId,
}: {
  actor: Actor;
  gptId: string;
}): Promise<EmbedSettingsView> {
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: { publishedVersionId: true, embed: { select: settingsSelect } },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  return {
    settings: gpt.embed ?? DEFAULT_EMBED_SETTINGS,
    isPublished: gpt.publishedVersionId !== null,
  };
}

/**
 * Everything the public embed endpoints (session, frame, chat) judge a request by: the GPT, its
 * published face, its owner (who pays) and its widget settings. Read fresh on every request, so a
 * creator who turns the widget off or removes a site stops it at once. Null for an unknown id.
 */
export type EmbedTarget = {
  gptId: string;
  name: string;
  avatarKey: string | null;
  avatarColor: string | null;
  starters: string[];
  isPublished: boolean;
  isRemoved: boolean;
  isDeleted: boolean;
  owner: Actor & { isBanned: boolean; isDeleted: boolean };
  embed: EmbedSettings | null;
};

export async function loadEmbedTarget(gptId: string): Promise<EmbedTarget | null> {
  const gpt = await prisma.gpt.findUnique({
    where: { id: gptId },
    select: {
      id: true,
      status: true,
      deletedAt: true,
      publishedVersion: {
        select: { name: true, avatarKey: true, avatarColor: true, conversationStarters: true },
      },
      owner: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          bannedAt: true,
          deletedAt: true,
        },
      },
      embed: { select: settingsSelect },
    },
  });
  if (!gpt) return null;
  const { owner, publishedVersion: published } = gpt;
  return {
    gptId: gpt.id,
    name: published?.name ?? "",
    avatarKey: published?.avatarKey ?? null,
    avatarColor: published?.avatarColor ?? null,
    starters: published?.conversationStarters ?? [],
    isPublished: published !== null,
    isRemoved: gpt.status === "REMOVED",
    isDeleted: gpt.deletedAt !== null,
    owner: {
      id: owner.id,
      email: owner.email,
      name: owner.name,
      role: owner.role,
      isBanned: owner.bannedAt !== null,
      isDeleted: owner.deletedAt !== null,
    },
    embed: gpt.embed,
  };
}

/** The look the loader and the frame share; `baseUrl` makes the avatar's address absolute. */
export function embedConfigOf(target: EmbedTarget, baseUrl: string): EmbedConfig {
  const settings = target.embed ?? DEFAULT_EMBED_SETTINGS;
  const avatar = avatarUrl(target.avatarKey);
  return {
    name: target.name,
    avatarUrl: avatar ? new URL(avatar, baseUrl).toString() : null,
    themeColor: settings.themeColor,
    themeForeground: readableForeground(settings.themeColor),
    position: settings.position,
    greeting: settings.greeting,
    starters: target.starters.slice(0, 4),
  };
}

/** The generated avatar's colour when the GPT has no picture. */
export function avatarColorOf(target: EmbedTarget): string {
  return getAvatarColor(target.name, target.avatarColor).background;
}
