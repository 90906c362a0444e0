import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Markdown } from "@/components/ui/markdown";

export const metadata: Metadata = {
  title: "How creator earnings work",
  description: "The revenue share formula: the pool, the user-centric split, holds and payouts.",
};
// Read at request time: the page shows the docs/revenue-share.md the server runs with.
export const dynamic = "force-dynamic";

async function readDoc(): Promise<string | null> {
  try {
    return await readFile(path.join(process.cwd(), "docs", "revenue-share.md"), "utf8");
  } catch {
    return null;
  }
}

/** Public: how earnings are calculated, from the repository's own document. */
export default async function RevenueShareDocPage() {
  const source = await readDoc();
  if (source === null) notFound();
  return (
    <main className="mx-auto w-full max-w-3xl px-4 py-8 sm:py-12">
      <article>
        <Markdown className="prose-h1:text-3xl prose-table:text-sm">{source}</Markdown>
      </article>
    </main>
  );
}
