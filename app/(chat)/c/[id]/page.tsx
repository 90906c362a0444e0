import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { GptChat } from "@/components/chat/gpt-chat";
import { UnavailableGptChat } from "@/components/chat/unavailable-gpt-chat";
import { getActor } from "@/lib/auth/session";
import { getConversation } from "@/lib/chat/queries";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { hasAnyEnabledModel } from "@/lib/models/queries";

type Props = { params: Promise<{ id: string }> };

export const metadata: Metadata = { title: "Chat" };

export default async function ConversationPage({ params }: Props) {
  const { id } = await params;
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/c/${id}`)}`);
  const conversation = await getConversation({ actor, conversationId: id });
  if (!conversation) notFound();
  if (conversation.isPreview) redirect(`/gpts/${conversation.gptId}/edit`);
  const gpt = await getGptPage({ actor, slug: conversation.gptSlug });
  // Deleted, or no longer shared with this user: the history stays readable, the composer goes.
  if (!gpt) return <UnavailableGptChat conversation={conversation} />;
  return (
    <GptChat
      gpt={gpt}
      actor={actor}
      hasModel={await hasAnyEnabledModel()}
      signInHref={`/sign-in?callbackUrl=/c/${id}`}
      conversation={{ id: conversation.id, messages: conversation.messages }}
    />
  );
}
