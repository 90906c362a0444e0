import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/env";

// appUrl comes from the environment at start-up, not at build time.
export const dynamic = "force-dynamic";

/** Crawlers may read the store; signed-in areas and the API are nothing to index. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/api/", "/admin", "/c/", "/chat", "/gpts", "/settings"],
    },
    sitemap: new URL("/sitemap.xml", appUrl).toString(),
  };
}
