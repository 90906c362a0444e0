import { initialHandle } from "../../../lib/users/handle";
import {
  CREATOR_REPLIES,
  FEATURES,
  FILLER,
  FIRST_NAMES,
  LAST_NAMES,
  PREFIXES,
  REVIEW_BODIES,
  STUDIO_KINDS,
  STUDIO_WORDS,
  SUFFIXES,
  VERBS,
  WORDS_BY_CATEGORY,
} from "./words";

/**
 * The store benchmark's data, generated in memory from a fixed seed so the embedded and the
 * PostgreSQL pass hold exactly the same rows (their timings are then comparable). Rows are kept
 * as columns: they are sent to the database as arrays (INSERT ... SELECT FROM unnest).
 */
export const DAY_MS = 86_400_000;

export type Catalog = {
  now: number;
  creators: { id: string; name: string; handle: string; verifiedDomain: string | null }[];
  userCount: number;
  gpts: GptColumns;
  conversations: { gpt: number[]; user: number[]; at: number[] };
  reviews: {
    gpt: number[];
    user: number[];
    rating: number[];
    body: (string | null)[];
    reply: (string | null)[];
    at: number[];
  };
};

type GptColumns = {
  owner: number[];
  category: string[];
  name: string[];
  slug: string[];
  description: string[];
  capabilities: string[];
  starters: string[];
  createdAt: number[];
  visibility: string[];
  status: string[];
  isPublished: boolean[];
  isDeleted: boolean[];
  allowRemix: boolean[];
};

export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const title = (words: string) => words.replace(/(^|[\s-])([a-z])/g, (m) => m.toUpperCase());

function slugify(name: string, index: number): string {
  const words = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return `${words}-${index.toString(36).padStart(6, "0")}`;
}

/** Besides the listed GPTs, 5 % that must never show up: private, link-only, drafts, removed. */
const HIDDEN_SHARE = 0.05;
const HIDDEN_KINDS = [
  { visibility: "PRIVATE", status: "ACTIVE", isPublished: true, isDeleted: false },
  { visibility: "LINK", status: "ACTIVE", isPublished: true, isDeleted: false },
  { visibility: "PUBLIC", status: "ACTIVE", isPublished: false, isDeleted: false },
  { visibility: "PUBLIC", status: "UNLISTED", isPublished: true, isDeleted: false },
  { visibility: "PUBLIC", status: "REMOVED", isPublished: true, isDeleted: false },
  { visibility: "PUBLIC", status: "ACTIVE", isPublished: true, isDeleted: true },
];

export function buildCatalog(listedCount: number, categorySlugs: string[]): Catalog {
  const random = seeded(20261128);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const now = Date.now();

  const creatorCount = Math.max(10, Math.round(listedCount / 50));
  const creators = Array.from({ length: creatorCount }, (_, i) => {
    const id = `bench-creator-${i}`;
    const name =
      random() < 0.3
        ? `${pick(STUDIO_WORDS)} ${pick(STUDIO_KINDS)}`
        : `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    const verifiedDomain =
      random() < 0.1 ? `${name.toLowerCase().replace(/\W+/g, "")}.example` : null;
    return { id, name, handle: initialHandle(name, id), verifiedDomain };
  });
  // Chatters and reviewers: enough that popular GPTs reach 30 distinct reviewers.
  const userCount = Math.max(200, Math.round(listedCount / 2));

  const total = Math.round(listedCount / (1 - HIDDEN_SHARE));
  const gpts: GptColumns = {
    owner: [],
    category: [],
    name: [],
    slug: [],
    description: [],
    capabilities: [],
    starters: [],
    createdAt: [],
    visibility: [],
    status: [],
    isPublished: [],
    isDeleted: [],
    allowRemix: [],
  };
  let listed = 0;
  for (let i = 0; i < total; i++) {
    const isListed =
      listed < listedCount && (random() >= HIDDEN_SHARE || total - i <= listedCount - listed);
    const kind = isListed
      ? { visibility: "PUBLIC", status: "ACTIVE", isPublished: true, isDeleted: false }
      : pick(HIDDEN_KINDS);
    if (isListed) listed++;
    const category = pick(categorySlugs);
    const words = WORDS_BY_CATEGORY[category] ?? pick(Object.values(WORDS_BY_CATEGORY));
    const topic = pick(words.topics);
    const role = pick(words.roles);
    let name = title(`${topic} ${role}`);
    if (random() < 0.45) name = `${title(pick(PREFIXES))} ${name}`;
    if (random() < 0.25) name = `${name} ${pick(SUFFIXES)}`;
    const sentences = [
      `${title(pick(VERBS))} ${topic} ${pick(["work", "projects", "questions", "ideas", "tasks"])} with ${pick(FEATURES)}.`,
    ];
    const extra = Math.floor(random() ** 1.5 * 4);
    for (let s = 0; s < extra; s++) sentences.push(pick(FILLER));
    if (random() < 0.3)
      sentences.push(`A ${role} for ${pick(words.topics)} and ${pick(words.topics)}.`);
    const roll = random();
    const capabilities =
      roll < 0.1
        ? "knowledge,actions"
        : roll < 0.3
          ? "knowledge"
          : roll < 0.4
            ? "actions"
            : roll < 0.45
              ? "web_browsing"
              : "";
    // Creators are skewed: a few prolific ones, a long tail with one or two GPTs.
    gpts.owner.push(Math.floor(random() ** 2.2 * creatorCount));
    gpts.category.push(category);
    gpts.name.push(name);
    gpts.slug.push(slugify(name, i));
    gpts.description.push(sentences.join(" "));
    gpts.capabilities.push(capabilities);
    gpts.starters.push(
      [`Help me ${pick(VERBS)} my ${topic}`, `What can you do?`, `Give me an example`].join("\n"),
    );
    gpts.createdAt.push(now - Math.floor(random() * 365 * DAY_MS) - DAY_MS);
    gpts.visibility.push(kind.visibility);
    gpts.status.push(kind.status);
    gpts.isPublished.push(kind.isPublished);
    gpts.isDeleted.push(kind.isDeleted);
    gpts.allowRemix.push(random() < 0.3);
  }

  const conversations: Catalog["conversations"] = { gpt: [], user: [], at: [] };
  const reviews: Catalog["reviews"] = {
    gpt: [],
    user: [],
    rating: [],
    body: [],
    reply: [],
    at: [],
  };
  for (let g = 0; g < total; g++) {
    if (!gpts.isPublished[g]) continue;
    // Zipf-like popularity over a random rank: a handful with thousands of chats, most with few.
    const rank = 1 + Math.floor(random() * total);
    const count = Math.round((total * 0.3) / rank ** 0.9) + Math.floor(random() * 6);
    const created = gpts.createdAt[g] as number;
    const chatters = new Set<number>();
    for (let c = 0; c < count; c++) {
      // Heavy users chat more; three quarters of the chats are in the last 30 days, recent-skewed.
      const user = Math.floor(random() ** 1.8 * userCount);
      const age = random() < 0.75 ? random() ** 1.5 * 30 * DAY_MS : random() * (now - created);
      conversations.gpt.push(g);
      conversations.user.push(user);
      conversations.at.push(Math.max(created, now - age));
      chatters.add(user);
    }
    // Reviews come from people who chatted: 0-30, most GPTs few, popular ones many.
    const reviewCount = Math.min(30, chatters.size, Math.floor(random() ** 2 * 31));
    const quality = 2.6 + random() * 2.4;
    const reviewers = [...chatters].slice(0, reviewCount);
    for (const user of reviewers) {
      const noise = (random() + random() + random() - 1.5) * 1.4;
      const rating = Math.min(5, Math.max(1, Math.round(quality + noise)));
      const bodies =
        rating >= 4 ? REVIEW_BODIES.good : rating === 3 ? REVIEW_BODIES.mixed : REVIEW_BODIES.bad;
      reviews.gpt.push(g);
      reviews.user.push(user);
      reviews.rating.push(rating);
      reviews.body.push(random() < 0.6 ? pick(bodies) : null);
      reviews.reply.push(random() < 0.1 ? pick(CREATOR_REPLIES) : null);
      reviews.at.push(now - Math.floor(random() * Math.min(90 * DAY_MS, now - created)));
    }
  }
  return { now, creators, userCount, gpts, conversations, reviews };
}
