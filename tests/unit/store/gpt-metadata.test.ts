import { describe, expect, it } from "vitest";
import { gptMetadata } from "@/app/(chat)/g/[slug]/gpt-metadata";
import type { GptPage } from "@/lib/gpts/gpt-page-query";

function page(overrides: Partial<GptPage> = {}): GptPage {
  return {
    id: "gpt_1",
    slug: "harbour-guide",
    name: "Harbour Guide",
    description: "Tides, moorings and harbour rules.",
    avatarUrl: null,
    avatarColor: null,
    creatorName: "Harbour Studio",
    creatorHandle: "harbour-studio",
    isCreatorVerified: false,
    categoryName: null,
    categorySlug: null,
    conversationCount: 0,
    rating: null,
    ratingCount: 0,
    capabilities: [],
    isDemo: false,
    conversationStarters: [],
    visibility: "PUBLIC",
    isListed: true,
    isOwner: false,
    isPublished: true,
    versionNumber: 1,
    publishedAt: new Date(0).toISOString(),
    remixCount: 0,
    isRemixable: false,
    remixedFrom: null,
    settings: null,
    actionServices: [],
    ...overrides,
  };
}

describe("[STORE]: GPT page metadata", () => {
  it("titles the page by GPT and creator, with a canonical URL and social cards", () => {
    const metadata = gptMetadata(page());
    expect(metadata.title).toBe("Harbour Guide — by Harbour Studio");
    expect(metadata.description).toBe("Tides, moorings and harbour rules.");
    expect(metadata.alternates?.canonical).toBe("/g/harbour-guide");
    expect(metadata.openGraph).toMatchObject({
      title: "Harbour Guide — by Harbour Studio",
      url: "/g/harbour-guide",
    });
    expect(metadata.twitter).toMatchObject({ card: "summary_large_image" });
    expect(metadata.robots).toEqual({ index: true, follow: true });
  });

  it("keeps link-only, unlisted and removed GPTs (anything not listed) out of search engines", () => {
    expect(gptMetadata(page({ isListed: false, visibility: "LINK" })).robots).toEqual({
      index: false,
      follow: false,
    });
  });

  it("describes a GPT without a description instead of leaving the description empty", () => {
    expect(gptMetadata(page({ description: "  " })).description).toBe(
      "Chat with Harbour Guide, a GPT by Harbour Studio on Atelier.",
    );
  });
});
