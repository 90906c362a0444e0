"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { ThemeProvider } from "next-themes";
import { type ReactNode, useState } from "react";
import { Toaster } from "@/components/ui/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import "@/lib/utils/zod-without-eval";

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
    },
  });
}

type ProvidersProps = {
  children: ReactNode;
  /** The server session (getServerSession) so the first client render already knows the user. */
  session?: Session | null;
  /** This request's Content-Security-Policy nonce (proxy.ts), for the theme's inline script. */
  nonce?: string;
};

export function Providers({ children, session, nonce }: ProvidersProps) {
  // One client per browser session; a module-level client would leak data between SSR requests.
  const [queryClient] = useState(createQueryClient);
  return (
    <SessionProvider session={session}>
      <ThemeProvider
        attribute="class"
        defaultTheme="system"
        enableSystem
        disableTransitionOnChange
        nonce={nonce}
      >
        <QueryClientProvider client={queryClient}>
          <TooltipProvider delayDuration={300}>
            {children}
            <Toaster />
          </TooltipProvider>
        </QueryClientProvider>
      </ThemeProvider>
    </SessionProvider>
  );
}
