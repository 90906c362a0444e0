import { performance } from "node:perf_hooks";
import { type Percentiles, percentiles } from "./stats";

type SearchInput = {
  query: string;
  category?: string;
  capability?: "knowledge" | "actions";
  page?: number;
};

/**
 * What people type into a store search box: exact names, single words, several words, typos,
 * creator and category names, with and without filters, later pages, and a query nothing matches.
 */
export const SEARCH_QUERIES: SearchInput[] = [
  { query: "Python Code Reviewer" },
  { query: "Spanish Tutor" },
  { query: "Travel Planner" },
  { query: "Essay Writer" },
  { query: "Meeting Summariser" },
  { query: "Smart Recipe Chef" },
  { query: "Data Analyst" },
  { query: "python" },
  { query: "recipe" },
  { query: "tutor" },
  { query: "writer" },
  { query: "sql" },
  { query: "meditation" },
  { query: "assistant" },
  { query: "coach" },
  { query: "help me write a cover letter" },
  { query: "debug my react app" },
  { query: "plan a trip to japan" },
  { query: "learn french grammar fast" },
  { query: "summarise research papers with citations" },
  { query: "kubernetes docker deployment" },
  { query: "budget planner for a family" },
  { query: "wrting" },
  { query: "tranlsator" },
  { query: "pyhton" },
  { query: "recipie" },
  { query: "calender planer" },
  { query: "fitnes coach" },
  { query: "kubernets" },
  { query: "javscript debuger" },
  { query: "reserch analist" },
  { query: "Lovelace" },
  { query: "Acme Labs" },
  { query: "Grace Hopper" },
  { query: "programming" },
  { query: "education" },
  { query: "essay", category: "writing" },
  { query: "tutor", category: "education" },
  { query: "code", category: "programming" },
  { query: "planner", category: "lifestyle" },
  { query: "wrting", category: "writing" },
  { query: "research", capability: "knowledge" },
  { query: "calendar", capability: "actions" },
  { query: "market analyst", capability: "knowledge" },
  { query: "python", category: "programming", capability: "knowledge" },
  { query: "travel", category: "lifestyle", capability: "actions" },
  { query: "assistant", page: 2 },
  { query: "coach", page: 3 },
  { query: "writer", page: 5 },
  { query: "zqxjv plorbt" },
];

export type SearchBenchResult = {
  samples: number;
  latency: Percentiles;
  slowest: { label: string; ms: number }[];
  emptyQueries: string[];
};

const labelOf = (input: SearchInput) =>
  [
    JSON.stringify(input.query),
    input.category && `category=${input.category}`,
    input.capability && `capability=${input.capability}`,
    input.page && `page=${input.page}`,
  ]
    .filter(Boolean)
    .join(" ");

/**
 * Server time of `searchGpts` (lib/store/search.ts) in this process, on the process database:
 * one warm-up pass over every query (plans and caches), then `rounds` measured passes.
 */
export async function benchSearch(rounds: number): Promise<SearchBenchResult> {
  const { searchGpts } = await import("../../../lib/store/search");
  const emptyQueries: string[] = [];
  for (const input of SEARCH_QUERIES) {
    const result = await searchGpts(input);
    if (result.total === 0) emptyQueries.push(labelOf(input));
  }
  const times: number[] = [];
  const worstByQuery = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    for (const input of SEARCH_QUERIES) {
      const startedAt = performance.now();
      await searchGpts(input);
      const ms = performance.now() - startedAt;
      times.push(ms);
      const label = labelOf(input);
      worstByQuery.set(label, Math.max(ms, worstByQuery.get(label) ?? 0));
    }
  }
  const slowest = [...worstByQuery.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5)
    .map(([label, ms]) => ({ label, ms }));
  return { samples: times.length, latency: percentiles(times), slowest, emptyQueries };
}
