import type { Metadata } from "next";
import { StoreHomeView } from "@/components/store/store-home-view";
import { getActor } from "@/lib/auth/session";
import { getStoreHome } from "@/lib/store/home-queries";
import { cachedListing } from "@/lib/store/listing-cache";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Explore GPTs",
  description:
    "Discover custom GPTs: featured, trending and top-rated assistants for writing, productivity, research, education, programming and more.",
};

/** Store home: featured, trending, top rated, new, and a row per category. */
export default async function StoreHomePage() {
  const [actor, home] = await Promise.all([getActor(), cachedListing("home", getStoreHome)]);
  return <StoreHomeView home={home} isSignedIn={actor !== null} />;
}
