import "server-only";
import { cache } from "react";
import { getActor } from "@/lib/auth/session";
import { getGptPage } from "@/lib/gpts/gpt-page-query";

/** One read per request, shared by the page and its metadata. */
export const loadGptPage = cache(async (slug: string) => {
  const actor = await getActor();
  return { actor, gpt: await getGptPage({ actor, slug }) };
});
