import type { GptStatus } from "../../gpts/policy";
import "server-only";
import type { Actor } from "../../auth/session";
import { avatarUrl } from "../../gpts/avatar/avatar-url";
import { canViewGpt } from "../../gpts/policy";

/** A GPT as the sidebar and the chat home show it: its published name and picture. */
export type GptTile = {
  gptId: string;
  slug: string;
  name: string;
  avatarUrl: string | null;
  avatarColor: string | null;
};

/** Everything canViewGpt needs, plus the published name and picture. */
export const gptTileSelect = {
  id: true,
  slug: true,
  ownerId: true,
  visibility: true,
  status: true,
  publishedVersionId: true,
  deletedAt: true,
  owner: { select: { bannedAt: true } },
  publishedVersion: { select: { name: true, avatarKey: true, avatarColor: true } },
} as const;

type TileRow = {
  id: string;
  slug: string;
  ownerId: string;
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  status: GptStatus;
  publishedVersionId: string | null;
  deletedAt: Date | null;
  owner: { bannedAt: Date | null };
  publishedVersion: { name: string; avatarKey: string | null; avatarColor: string | null } | null;
};

export function isTileViewable(actor: Actor | null, gpt: TileRow): boolean {
  return (
    gpt.publishedVersion !== null &&
    canViewGpt(actor, {
      ...gpt,
      isOwnerBanned: gpt.owner.bannedAt !== null,
      isDeleted: gpt.deletedAt !== null,
    })
  );
}

/** The tile of a GPT the actor may still open, else null (removed, unshared, deleted, banned). */
export function toGptTile(actor: Actor, gpt: TileRow): GptTile | null {
  if (!isTileViewable(actor, gpt) || !gpt.publishedVersion) return null;
  return {
    gptId: gpt.id,
    slug: gpt.slug,
    name: gpt.publishedVersion.name,
    avatarUrl: avatarUrl(gpt.publishedVersion.avatarKey),
    avatarColor: gpt.publishedVersion.avatarColor,
  };
}
