import { existsSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { type Percentiles, percentiles } from "./stats";

export type PageDataResult = { name: string; latency: Percentiles | null; note?: string };

type Loader = { name: string; module: string; fn: string; args: unknown };

/**
 * The data each page loads, timed in this process (database + mapping, no rendering, no HTTP), so
 * a slow page can be told apart from a slow query. The loaders belong to the store pages; one
 * that is missing or renamed is reported as such rather than failing the run.
 */
export async function benchPageData(
  { categorySlug, gptSlug }: { categorySlug: string; gptSlug: string },
  calls = 20,
): Promise<PageDataResult[]> {
  const loaders: Loader[] = [
    {
      name: "store home",
      module: "lib/store/home-queries.ts",
      fn: "getStoreHome",
      args: undefined,
    },
    {
      name: "category",
      module: "lib/store/category-queries.ts",
      fn: "listCategoryGpts",
      args: { categorySlug, sort: "trending" },
    },
    {
      name: "GPT page",
      module: "lib/gpts/gpt-page-query.ts",
      fn: "getGptPage",
      args: { actor: null, slug: gptSlug },
    },
  ];
  const results: PageDataResult[] = [];
  for (const loader of loaders) {
    const label = `${loader.name} (${loader.fn})`;
    const modulePath = path.join(import.meta.dirname, "../../..", loader.module);
    const load = existsSync(modulePath)
      ? ((await import(modulePath)) as Record<string, unknown>)[loader.fn]
      : undefined;
    if (typeof load !== "function") {
      results.push({ name: label, latency: null, note: `${loader.module} ${loader.fn} not found` });
      continue;
    }
    try {
      await load(loader.args);
      const times: number[] = [];
      for (let call = 0; call < calls; call++) {
        const startedAt = performance.now();
        await load(loader.args);
        times.push(performance.now() - startedAt);
      }
      results.push({ name: label, latency: percentiles(times) });
    } catch (error) {
      results.push({ name: label, latency: null, note: `failed: ${(error as Error).message}` });
    }
  }
  return results;
}
