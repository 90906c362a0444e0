import { describe, expect, it } from "vitest";
import {
  containsWord,
  type ListingForChecks,
  runListingChecks,
  siteOf,
} from "@/lib/moderation/checks";

function listing(overrides: Partial<ListingForChecks> = {}): ListingForChecks {
  return {
    name: "Trip planner",
    description: "Plans weekend trips.",
    instructions: "Be brief.",
    conversationStarters: ["Plan a trip to Lisbon"],
    capabilities: [],
    actions: [],
    owner: { displayName: "Jane", isAdmin: false },
    ...overrides,
  };
}

const lists = { blockedTerms: [], protectedNames: ["OpenAI", "Google", "Atelier"] };

describe("[MODERATION]: automatic listing checks", () => {
  it("finds nothing in a clean listing", () => {
    expect(runListingChecks({ listing: listing(), lists })).toEqual([]);
  });

  it("matches terms as whole words, ignoring case, across whitespace in phrases", () => {
    expect(containsWord("Place a BET now", "bet")).toBe(true);
    expect(containsWord("Feel better", "bet")).toBe(false);
    expect(containsWord("alphabet soup", "bet")).toBe(false);
    expect(containsWord("Try free\n  money today", "free money")).toBe(true);
    expect(containsWord("ChatGPT-style helper", "chatgpt")).toBe(true);
    expect(containsWord("Ｃａｓｉｎｏ night", "casino")).toBe(true);
    expect(containsWord("café crème", "crème")).toBe(true);
    expect(containsWord("anything", "   ")).toBe(false);
    expect(containsWord("a (b) c", "(b)")).toBe(true);
  });

  it("blocked-term: says which term and every place it appears", () => {
    const findings = runListingChecks({
      listing: listing({
        name: "Casino buddy",
        instructions: "Recommend the best casino.",
        conversationStarters: ["Hi", "Which CASINO is open?"],
        owner: { displayName: "Casino King", isAdmin: true },
      }),
      lists: { blockedTerms: ["casino", " Casino ", "", "jackpot"], protectedNames: [] },
    });
    expect(findings).toEqual([
      {
        check: "blocked-term",
        message:
          "The name, the instructions, conversation starter 2 and the creator name use “casino”, a blocked term.",
      },
    ]);
  });

  it("blocked-term: looks into actions (name, server, operations)", () => {
    const findings = runListingChecks({
      listing: listing({
        actions: [
          {
            name: "Odds API",
            serverUrl: "https://api.example.com",
            privacyPolicyUrl: "https://example.com/privacy",
            operations: [{ toolName: "getOdds", summary: "Jackpot odds", description: "" }],
          },
        ],
      }),
      lists: { blockedTerms: ["jackpot"], protectedNames: [] },
    });
    expect(findings).toEqual([
      { check: "blocked-term", message: "The action “Odds API” uses “jackpot”, a blocked term." },
    ]);
  });

  it("protected-name: flags impersonation in the name, not for admins or the domain's verified owner", () => {
    const named = listing({ name: "openai Helper" });
    expect(runListingChecks({ listing: named, lists })).toEqual([
      {
        check: "protected-name",
        message: "The name uses “OpenAI”, a protected name: only its owner may publish under it.",
      },
    ]);
    // Only the name counts: a description may mention the company.
    expect(
      runListingChecks({ listing: listing({ description: "Works like OpenAI tools." }), lists }),
    ).toEqual([]);
    expect(runListingChecks({ listing: listing({ name: "Googleplex tours" }), lists })).toEqual([]);
    expect(
      runListingChecks({
        listing: { ...named, owner: { displayName: "Staff", isAdmin: true } },
        lists,
      }),
    ).toEqual([]);
    expect(
      runListingChecks({
        listing: {
          ...named,
          owner: { displayName: "OpenAI", isAdmin: false, verifiedDomain: "help.openai.com" },
        },
        lists,
      }),
    ).toEqual([]);
  });

  it("near-duplicate: names the listing it resembles and its creator (at most three)", () => {
    const findings = runListingChecks({
      listing: listing(),
      lists,
      nearDuplicates: [1, 2, 3, 4].map((n) => ({ name: `Trip planner ${n}`, creatorName: "Bo" })),
    });
    expect(findings).toHaveLength(3);
    expect(findings[0]).toEqual({
      check: "near-duplicate",
      message:
        "The name and description are nearly the same as “Trip planner 1” by Bo, already in the store.",
    });
  });

  it("near-duplicate: copied instructions are named as such, whatever the copy is called", () => {
    const [finding] = runListingChecks({
      listing: listing(),
      lists,
      nearDuplicates: [{ name: "Tax Helper", creatorName: "Ann", match: "instructions" }],
    });
    expect(finding).toEqual({
      check: "near-duplicate",
      message:
        "The instructions are nearly the same as those of “Tax Helper” by Ann, already in the store.",
    });
  });

  it("impersonation: a name close to a verified creator's GPT is flagged, except for admins", () => {
    const verifiedLookalikes = [
      { name: "Acme Support", creatorName: "Acme", verifiedDomain: "acme.com" },
    ];
    expect(runListingChecks({ listing: listing(), lists, verifiedLookalikes })).toEqual([
      {
        check: "impersonation",
        message: "The name is close to “Acme Support” by Acme, a creator verified as acme.com.",
      },
    ]);
    const byAdmin = listing();
    byAdmin.owner = { ...byAdmin.owner, isAdmin: true };
    expect(runListingChecks({ listing: byAdmin, lists, verifiedLookalikes })).toEqual([]);
  });

  it("action-privacy: flags a missing policy and a policy on another site than the API, for live actions only", () => {
    const actions = [
      { name: "Weather", serverUrl: "https://api.weather.com/v1", privacyPolicyUrl: null },
      {
        name: "Maps",
        serverUrl: "https://maps.example.co.uk",
        privacyPolicyUrl: "https://www.example.co.uk/privacy",
      },
      {
        name: "Mail",
        serverUrl: "https://mail.example.org/mcp",
        privacyPolicyUrl: "https://policies.other-site.net/mail",
      },
      { name: "Odd", serverUrl: "https://odd.example.org", privacyPolicyUrl: "not a url" },
    ];
    expect(runListingChecks({ listing: listing({ actions }), lists })).toEqual([]);
    expect(
      runListingChecks({ listing: listing({ actions, capabilities: ["actions"] }), lists }),
    ).toEqual([
      { check: "action-privacy", message: "The action api.weather.com has no privacy policy URL." },
      {
        check: "action-privacy",
        message:
          "The action mail.example.org has its privacy policy on policies.other-site.net, a different site than its API: check that the policy covers this API.",
      },
      {
        check: "action-privacy",
        message: "The action odd.example.org has a privacy policy URL that is not a web address.",
      },
    ]);
  });

  it("siteOf: the registrable part of a host, with common country-code second levels", () => {
    expect(siteOf("api.weather.com")).toBe("weather.com");
    expect(siteOf("maps.example.co.uk")).toBe("example.co.uk");
    expect(siteOf("example.com")).toBe("example.com");
    expect(siteOf("a.b.example.de")).toBe("example.de");
    expect(siteOf("127.0.0.1")).toBe("127.0.0.1");
  });
});
