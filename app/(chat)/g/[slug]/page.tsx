import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { GptChat } from "@/components/chat/gpt-chat";
import { GptPageDetails } from "@/components/store/gpt-page-details";
import { getActor } from "@/lib/auth/session";
import { getGptPage } from "@/lib/gpts/queries";
import { hasAnyEnabledModel } from "@/lib/models/queries";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const gpt = await getGptPage({ actor: await getActor(), slug: (await params).slug });
  if (!gpt) return { title: "GPT not found" };
  return {
    title: gpt.name,
    description: gpt.description,
    openGraph: { title: gpt.name, description: gpt.description, type: "website" },
    // Link-only GPTs are reachable by URL but must not be indexed.
    robots: gpt.isListed ? undefined : { index: false, follow: false },
  };
}

/**
 * A GPT's page is its chat: intro, remix details, starters and composer. Public and link GPTs
 * work for signed-out visitors up to chatting (sign-in prompt); proxy.ts leaves /g/* public.
 */
export default async function GptPage({ params }: Props) {
  const { slug } = await params;
  const actor = await getActor();
  const gpt = await getGptPage({ actor, slug });
  if (!gpt) notFound();
  const signInHref = `/sign-in?callbackUrl=${encodeURIComponent(`/g/${slug}`)}`;
  return (
    <GptChat
      gpt={gpt}
      actor={actor}
      hasModel={await hasAnyEnabledModel()}
      signInHref={signInHref}
      introExtras={<GptPageDetails gpt={gpt} signInHref={actor ? undefined : signInHref} />}
    />
  );
}
