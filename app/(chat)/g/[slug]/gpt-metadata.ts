import type { Metadata } from "next";
import type { GptPage } from "@/lib/gpts/gpt-page-query";
import { gptPath } from "@/lib/gpts/visibility";

/**
 * Title, description, canonical URL and social cards (the Open Graph image comes from
 * opengraph-image.tsx next to the page). Only listed GPTs may be indexed: link-only, unlisted
 * and removed ones (and an owner's private preview) are reachable but never in search results.
 */
export function gptMetadata(gpt: GptPage): Metadata {
  const title = `${gpt.name} — by ${gpt.creatorName}`;
  const description =
    gpt.description.trim() || `Chat with ${gpt.name}, a GPT by ${gpt.creatorName} on Atelier.`;
  const url = gptPath(gpt.slug);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, url, type: "website", siteName: "Atelier" },
    twitter: { card: "summary_large_image", title, description },
    robots: gpt.isListed ? { index: true, follow: true } : { index: false, follow: false },
  };
}

export const notFoundMetadata: Metadata = {
  title: "GPT not found",
  robots: { index: false, follow: false },
};
