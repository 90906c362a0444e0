"use client";

import { KeyRound } from "lucide-react";
import { signIn } from "next-auth/react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { AccountSecurity } from "@/lib/accounts/queries";

const PROVIDER_NAMES = { github: "GitHub", google: "Google" } as const;

/**
 * Settings → Security → Sign-in methods: the providers this instance offers, connected or not.
 * Connecting signs in with the provider while signed in here, which links it to this account.
 */
export function SignInMethodsCard({ account }: { account: AccountSecurity }) {
  if (account.providers.length === 0) return null;
  return (
    <section aria-labelledby="methods-heading" className="rounded-xl border bg-card">
      <div className="grid gap-1 border-b p-4">
        <h2 id="methods-heading" className="font-semibold">
          Sign-in methods
        </h2>
        <p className="text-sm text-muted-foreground">
          {account.isEmailVerified
            ? "Connect a provider to sign in with it instead of your password."
            : "Verify your email first: only a verified account can be connected."}
        </p>
      </div>
      <ul className="divide-y">
        {account.providers.map((provider) => (
          <li key={provider.id} className="flex items-center justify-between gap-3 p-4">
            <span className="flex items-center gap-2 font-medium">
              <KeyRound className="size-4 text-muted-foreground" aria-hidden />
              {PROVIDER_NAMES[provider.id]}
            </span>
            {provider.isConnected ? (
              <Badge variant="secondary">Connected</Badge>
            ) : (
              <Button
                variant="outline"
                size="sm"
                disabled={!account.isEmailVerified}
                onClick={() =>
                  void signIn(provider.id, { callbackUrl: "/settings/security?connected=1" })
                }
              >
                Connect {PROVIDER_NAMES[provider.id]}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
