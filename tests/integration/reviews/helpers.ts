import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";

/**
 * A conversation of `user` with the GPT, written directly: what the chat pipeline leaves behind.
 * `answer` false leaves only the user's message (the model never answered).
 */
export async function chatWith(
  user: Actor,
  gptId: string,
  {
    isPreview = false,
    answer = "COMPLETE",
  }: {
    isPreview?: boolean;
    answer?: "COMPLETE" | "INTERRUPTED" | false;
  } = {},
) {
  const conversation = await prisma.conversation.create({
    data: { userId: user.id, gptId, isPreview },
  });
  await prisma.message.create({
    data: { conversationId: conversation.id, role: "USER", parts: [{ type: "text", text: "Hi" }] },
  });
  if (answer) {
    await prisma.message.create({
      data: {
        conversationId: conversation.id,
        role: "ASSISTANT",
        status: answer,
        parts: [{ type: "text", text: "Hello!" }],
      },
    });
  }
  return conversation;
}

export async function ratingOf(gptId: string) {
  return prisma.gpt.findUniqueOrThrow({
    where: { id: gptId },
    select: { ratingCount: true, ratingSum: true, ratingScore: true },
  });
}
