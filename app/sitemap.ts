import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";
import { listSitemapEntries } from "@/lib/store/sitemap";

// Read from the database on each request: never at build time (the running server owns the
// embedded database) and never stale after a publish or an unlist.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await listSitemapEntries();
  return entries.map((entry) => ({
    url: new URL(entry.path, appUrl).toString(),
    lastModified: entry.lastModified,
  }));
}
