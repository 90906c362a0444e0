import type { Metadata } from "next";
import { OAuthResult } from "@/components/account/oauth-result";

export const metadata: Metadata = { title: "Connect account · Atelier" };

/** The OAuth popup's last page: says how it went, tells the opener, closes itself on success. */
export default async function ConnectedPage({
  searchParams,
}: {
  searchParams: Promise<{ domain?: string; error?: string }>;
}) {
  const { domain, error } = await searchParams;
  return (
    <main className="grid min-h-dvh place-items-center p-6">
      <OAuthResult domain={domain ?? null} error={error ?? null} />
    </main>
  );
}
