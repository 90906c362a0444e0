import "server-only";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../gpts/parse-input";
import { type EmbedSettingsView, embedSettingsSchema } from "./schemas";

/**
 * Saves a GPT's widget settings (owner only; another user's GPT is a 404). Effective at once: the
 * session, frame and chat endpoints read them on every request, so removing a site or turning the
 * widget off stops visitors there on their next message. Turning it on needs a published GPT and
 * at least one site.
 */
export async function saveEmbedSettings({
  actor,
  gptId,
  input,
}: {
  actor: Actor;
  gptId: string;
  input: unknown;
}): Promise<EmbedSettingsView> {
  const settings = parseInput(embedSettingsSchema, input);
  const gpt = await prisma.gpt.findFirst({
    where: { id: gptId, ownerId: actor.id, deletedAt: null },
    select: { id: true, publishedVersionId: true },
  });
  if (!gpt) throw new AppError("not_found", "GPT not found.");
  if (settings.isEnabled && !gpt.publishedVersionId) {
    throw new AppError("bad_request", "Publish the GPT before embedding it on a website.", {
      isEnabled: ["Publish the GPT first."],
    });
  }
  if (settings.isEnabled && settings.allowedOrigins.length === 0) {
    throw new AppError("bad_request", "Add the website the widget goes on.", {
      allowedOrigins: ["Add at least one site."],
    });
  }
  const saved = await prisma.gptEmbed.upsert({
    where: { gptId: gpt.id },
    create: { gptId: gpt.id, ...settings },
    update: settings,
    select: {
      isEnabled: true,
      allowedOrigins: true,
      dailyMessageBudget: true,
      visitorMessagesPerHour: true,
      themeColor: true,
      position: true,
      greeting: true,
    },
  });
  return { settings: saved, isPublished: gpt.publishedVersionId !== null };
}
