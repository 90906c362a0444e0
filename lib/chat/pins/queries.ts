import "server-only";
import type { Actor } from "../../auth/session";
import { prisma } from "../../db";
import { type GptTile, gptTileSelect, toGptTile } from "./gpt-tile";

/**
 * The GPTs the actor kept in the sidebar, oldest pin first. A pinned GPT that the actor may no
 * longer open (made private, removed, deleted) is left out rather than unpinned: it comes back
 * if it becomes viewable again.
 */
export async function listPinnedGpts({ actor }: { actor: Actor }): Promise<GptTile[]> {
  const pins = await prisma.pinnedGpt.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "asc" },
    select: { gpt: { select: gptTileSelect } },
  });
  return pins.flatMap((pin) => toGptTile(actor, pin.gpt) ?? []);
}

/**
 * GPTs the actor chatted with recently (newest first, one tile each), for the chat home.
 * Reads the last `scan` conversations: enough for a row of tiles without a GROUP BY.
 */
export async function listRecentGpts({
  actor,
  limit = 8,
  scan = 100,
}: {
  actor: Actor;
  limit?: number;
  scan?: number;
}): Promise<GptTile[]> {
  const conversations = await prisma.conversation.findMany({
    where: { userId: actor.id, isPreview: false, isHidden: false },
    orderBy: { updatedAt: "desc" },
    take: scan,
    select: { gpt: { select: gptTileSelect } },
  });
  const seen = new Set<string>();
  const tiles: GptTile[] = [];
  for (const { gpt } of conversations) {
    if (seen.has(gpt.id)) continue;
    seen.add(gpt.id);
    const tile = toGptTile(actor, gpt);
    if (tile) tiles.push(tile);
    if (tiles.length >= limit) break;
  }
  return tiles;
}
