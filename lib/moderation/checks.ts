/**
 * Automatic checks run on a public listing when it is submitted (lib/moderation/review). Pure: the
 * caller loads the listing, the instance's lists and the near-duplicate candidates
 * (lib/moderation/near-duplicates.ts). A finding never blocks publishing; it sends the listing to a
 * moderator (status IN_REVIEW) with the findings as the reasons, which the creator is shown too.
 */

export const LISTING_CHECKS = [
  "blocked-term",
  "protected-name",
  "impersonation",
  "near-duplicate",
  "action-privacy",
] as const;
export type ListingCheck = (typeof LISTING_CHECKS)[number];

/** A review's flags: check findings, plus the creator's note when they resubmit by hand. */
export type ReviewFlag = { check: ListingCheck | "creator-note"; message: string };
export type ListingFinding = { check: ListingCheck; message: string };

export type ListingForChecks = {
  name: string;
  description: string;
  instructions: string;
  conversationStarters: string[];
  /** Actions count only when the "actions" capability is on: otherwise nothing calls them. */
  capabilities: string[];
  actions: {
    name: string;
    serverUrl: string;
    privacyPolicyUrl: string | null;
    operations?: { toolName?: string; summary?: string | null; description?: string }[];
  }[];
  owner: {
    displayName: string | null;
    /** Admins run the instance: they may use its protected names (e.g. "Atelier"). */
    isAdmin: boolean;
    /** A domain the owner proved they control ("openai.com"): its name is theirs to use. */
    verifiedDomain?: string | null;
  };
};

/**
 * Another owner's listed GPT that this one nearly copies: its name and description, or (match
 * "instructions") its instructions.
 */
export type NearDuplicate = { name: string; creatorName: string; match?: "instructions" };

/** A verified creator's listed GPT (another owner) with a name close to this one's. */
export type VerifiedLookalike = { name: string; creatorName: string; verifiedDomain: string };

export type ModerationLists = { blockedTerms: string[]; protectedNames: string[] };

export function runListingChecks({
  listing,
  lists,
  nearDuplicates = [],
  verifiedLookalikes = [],
}: {
  listing: ListingForChecks;
  lists: ModerationLists;
  nearDuplicates?: NearDuplicate[];
  verifiedLookalikes?: VerifiedLookalike[];
}): ListingFinding[] {
  return [
    ...blockedTermFindings(listing, lists.blockedTerms),
    ...protectedNameFindings(listing, lists.protectedNames),
    ...(listing.owner.isAdmin ? [] : verifiedLookalikes.slice(0, 3)).map(
      (lookalike): ListingFinding => ({
        check: "impersonation",
        message: `The name is close to “${lookalike.name}” by ${lookalike.creatorName}, a creator verified as ${lookalike.verifiedDomain}.`,
      }),
    ),
    ...nearDuplicates.slice(0, 3).map(
      (duplicate): ListingFinding => ({
        check: "near-duplicate",
        message:
          duplicate.match === "instructions"
            ? `The instructions are nearly the same as those of “${duplicate.name}” by ${duplicate.creatorName}, already in the store.`
            : `The name and description are nearly the same as “${duplicate.name}” by ${duplicate.creatorName}, already in the store.`,
      }),
    ),
    ...actionPrivacyFindings(listing),
  ];
}

/**
 * Whether `term` occurs in `text` as a whole word (or phrase), ignoring case: "bet" matches "Place a
 * BET now" but not "better". Letters and digits of any script count as word characters, and runs
 * of spaces in a phrase match any whitespace.
 */
export function containsWord(text: string, term: string): boolean {
  const words = normalise(term).split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const pattern = words.map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "iu").test(normalise(text));
}

function normalise(text: string): string {
  // NFKC folds look-alike forms (full-width letters, ligatures) into the plain ones.
  return text.normalize("NFKC");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where in the listing a word can appear, with how a message names each place. */
function placesOf(listing: ListingForChecks): { label: string; text: string }[] {
  const places = [
    { label: "the name", text: listing.name },
    { label: "the description", text: listing.description },
    { label: "the instructions", text: listing.instructions },
    ...listing.conversationStarters.map((text, index) => ({
      label: `conversation starter ${index + 1}`,
      text,
    })),
    ...listing.actions.map((action) => ({
      label: `the action “${action.name || hostOf(action.serverUrl) || "unnamed"}”`,
      text: [
        action.name,
        action.serverUrl,
        ...(action.operations ?? []).flatMap((operation) => [
          operation.toolName ?? "",
          operation.summary ?? "",
          operation.description ?? "",
        ]),
      ].join("\n"),
    })),
  ];
  if (listing.owner.displayName) {
    places.push({ label: "the creator name", text: listing.owner.displayName });
  }
  return places;
}

function blockedTermFindings(listing: ListingForChecks, terms: string[]): ListingFinding[] {
  const places = placesOf(listing);
  const findings: ListingFinding[] = [];
  for (const term of uniqueTerms(terms)) {
    const where = places.filter((place) => containsWord(place.text, term)).map((p) => p.label);
    if (where.length === 0) continue;
    findings.push({
      check: "blocked-term",
      message: `${capitalise(listOf(where))} ${where.length === 1 ? "uses" : "use"} “${term}”, a blocked term.`,
    });
  }
  return findings;
}

function protectedNameFindings(listing: ListingForChecks, names: string[]): ListingFinding[] {
  if (listing.owner.isAdmin) return [];
  const ownDomain = domainLabel(listing.owner.verifiedDomain);
  return uniqueTerms(names)
    .filter((name) => containsWord(listing.name, name))
    .filter((name) => !ownDomain || compact(name) !== ownDomain)
    .map((name) => ({
      check: "protected-name" as const,
      message: `The name uses “${name}”, a protected name: only its owner may publish under it.`,
    }));
}

/**
 * Publishing a public GPT already refuses an action without a privacy policy URL
 * (assertActionPrivacyPolicies in lib/gpt-actions/snapshot.ts): the first finding here only
 * matters for listings that bypassed it. What publishing does not check is whose policy it is: a
 * policy on another site than the API it covers may not be about that API at all.
 */
function actionPrivacyFindings(listing: ListingForChecks): ListingFinding[] {
  if (!listing.capabilities.includes("actions")) return [];
  const findings: ListingFinding[] = [];
  for (const action of listing.actions) {
    const apiHost = hostOf(action.serverUrl);
    const label = `The action ${apiHost ?? `“${action.name}”`}`;
    if (!action.privacyPolicyUrl) {
      findings.push({ check: "action-privacy", message: `${label} has no privacy policy URL.` });
      continue;
    }
    const policyHost = hostOf(action.privacyPolicyUrl);
    if (!policyHost) {
      findings.push({
        check: "action-privacy",
        message: `${label} has a privacy policy URL that is not a web address.`,
      });
      continue;
    }
    if (apiHost && siteOf(apiHost) !== siteOf(policyHost)) {
      findings.push({
        check: "action-privacy",
        message: `${label} has its privacy policy on ${policyHost}, a different site than its API: check that the policy covers this API.`,
      });
    }
  }
  return findings;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

// Second-level labels under which registries sell names ("example.co.uk", "shop.com.au").
const SECOND_LEVEL = new Set(["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go"]);

/**
 * The registrable domain of a host, approximately: the last two labels, or three under a country
 * code's common second level. No public-suffix list here; a miss only adds or drops a flag for a
 * moderator, it never blocks anything.
 */
export function siteOf(host: string): string {
  const labels = host.replace(/\.$/, "").split(".");
  if (labels.length <= 2 || /^\d+$/.test(labels.at(-1) ?? "")) return labels.join(".");
  const take = labels.at(-1)?.length === 2 && SECOND_LEVEL.has(labels.at(-2) ?? "") ? 3 : 2;
  return labels.slice(-take).join(".");
}

/** "openai.com" → "openai": compared with a protected name folded the same way. */
function domainLabel(domain: string | null | undefined): string | null {
  if (!domain) return null;
  const site = siteOf(domain.toLowerCase());
  return compact(site.split(".")[0] ?? "") || null;
}

function compact(text: string): string {
  return normalise(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function uniqueTerms(terms: string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const raw of terms) {
    const term = raw.trim();
    const key = term.toLowerCase();
    if (!term || seen.has(key)) continue;
    seen.add(key);
    unique.push(term);
  }
  return unique;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
