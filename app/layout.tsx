import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { HydrationSignal } from "@/components/hydration-signal";
import { Providers } from "@/components/providers";
import { appUrl } from "@/lib/env";
import "./globals.css";

// Every page reads the session or the database: never prerender at build time (the build must
// not open the embedded database, which the running server owns).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  metadataBase: new URL(appUrl),
  title: { default: "Atelier: build, share and chat with custom GPTs", template: "%s · Atelier" },
  description:
    "Atelier is a self-hosted GPT store: build custom GPTs without code, publish them, and chat with them.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts puts this request's CSP nonce here; the theme's inline script must carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body className="min-h-dvh bg-background text-foreground antialiased">
        <Providers nonce={nonce}>{children}</Providers>
        <HydrationSignal />
      </body>
    </html>
  );
}
