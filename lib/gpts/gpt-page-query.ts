import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { definitionsFromVersion } from "../gpt-actions/definition";
import { type StoreGptCard, storeCardSelect, toStoreCards } from "../store/card";
import { canRemixGpt, canViewGpt, isListedInStore } from "./policy";
import { remixedFromLink, remixedFromSelect } from "./queries";

/**
 * The GPT page (`/g/<slug>`) and the chat header read the same payload: the store card of the
 * published version plus what the page needs to judge the GPT. Instructions (and knowledge) never
 * appear here unless the owner opted in to "view settings and remix".
 */
export type GptPage = StoreGptCard & {
  conversationStarters: string[];
  visibility: "PRIVATE" | "LINK" | "PUBLIC";
  /** Listed in the store and so indexable; link, unlisted, removed and private GPTs are not. */
  isListed: boolean;
  isOwner: boolean;
  isPublished: boolean;
  versionNumber: number | null;
  /** ISO time of the published version (the listing's "last modified"). */
  publishedAt: string;
  remixCount: number;
  /** The actor may remix it, or could once signed in (signed-out visitors are sent to sign in). */
  isRemixable: boolean;
  remixedFrom: { slug: string; name: string } | null;
  /** The published settings, only when the owner allows viewing settings and remixing. */
  settings: GptPageSettings | null;
  /** Where the GPT's actions send data, with each service's privacy policy (public facts). */
  actionServices: { domain: string; privacyPolicyUrl: string | null }[];
};

export type GptPageSettings = {
  instructions: string;
  conversationStarters: string[];
  /** Null when the GPT uses the instance's default model. */
  modelName: string | null;
  capabilities: string[];
};

/** The GPT page payload, or null when the actor may not see it (a private GPT is a 404). */
export async function getGptPage({
  actor,
  slug,
}: {
  actor: Actor | null;
  slug: string;
}): Promise<GptPage | null> {
  const gpt = await prisma.gpt.findUnique({
    where: { slug },
    select: {
      ...storeCardSelect,
      ownerId: true,
      visibility: true,
      status: true,
      publishedVersionId: true,
      deletedAt: true,
      allowRemix: true,
      remixCount: true,
      remixedFrom: remixedFromSelect,
      owner: { select: { ...storeCardSelect.owner.select, bannedAt: true } },
      publishedVersion: {
        select: {
          ...storeCardSelect.publishedVersion.select,
          number: true,
          createdAt: true,
          conversationStarters: true,
          // For the opt-in settings view only; never returned unless allowRemix is on.
          instructions: true,
          modelConfigId: true,
          actions: true,
        },
      },
    },
  });
  if (!gpt) return null;
  const access = {
    ...gpt,
    isOwnerBanned: gpt.owner.bannedAt !== null,
    isDeleted: gpt.deletedAt !== null,
  };
  if (!canViewGpt(actor, access) || !gpt.publishedVersion) return null;
  const version = gpt.publishedVersion;
  const category = version.categoryId
    ? await prisma.category.findUnique({
        where: { id: version.categoryId },
        select: { id: true, name: true, slug: true },
      })
    : null;
  const categories = new Map(category ? [[category.id, category]] : []);
  const [card] = toStoreCards([gpt], categories);
  if (!card) return null;
  return {
    ...card,
    conversationStarters: version.conversationStarters,
    visibility: gpt.visibility,
    isListed: isListedInStore(access),
    isOwner: actor?.id === gpt.ownerId,
    isPublished: true,
    versionNumber: version.number,
    publishedAt: version.createdAt.toISOString(),
    remixCount: gpt.remixCount,
    // A signed-out visitor is judged as any signed-in user: the button asks them to sign in.
    isRemixable: canRemixGpt(actor ?? { id: "", role: "USER" }, access),
    remixedFrom: remixedFromLink(actor, gpt.remixedFrom),
    // The owner's explicit opt-in ("allow others to view settings and remix") is the only way
    // instructions reach anyone but the owner, and only those of the published version.
    settings: gpt.allowRemix ? await publishedSettings(version) : null,
    actionServices: version.capabilities.includes("actions")
      ? actionServicesOf(version.actions)
      : [],
  };
}

/** One entry per domain (several actions may call the same service). */
function actionServicesOf(actions: unknown): GptPage["actionServices"] {
  const byDomain = new Map<string, string | null>();
  for (const definition of definitionsFromVersion(actions)) {
    if (!byDomain.get(definition.domain)) {
      byDomain.set(definition.domain, definition.privacyPolicyUrl);
    }
  }
  return [...byDomain].map(([domain, privacyPolicyUrl]) => ({ domain, privacyPolicyUrl }));
}

async function publishedSettings(version: {
  instructions: string;
  conversationStarters: string[];
  modelConfigId: string | null;
  capabilities: string[];
}): Promise<GptPageSettings> {
  const model = version.modelConfigId
    ? await prisma.modelConfig.findUnique({
        where: { id: version.modelConfigId },
        select: { displayName: true },
      })
    : null;
  return {
    instructions: version.instructions,
    conversationStarters: version.conversationStarters,
    modelName: model?.displayName ?? null,
    capabilities: version.capabilities,
  };
}
