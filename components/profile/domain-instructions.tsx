"use client";

import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { txtRecordValue, WELL_KNOWN_PATH, wellKnownUrl } from "@/lib/users/domain/domain-rules";

function CopyRow({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1">
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className="flex min-w-0 items-center gap-1 rounded-md border bg-muted/40 py-1 pl-3 pr-1">
        <code className="min-w-0 flex-1 break-all font-mono text-xs">{value}</code>
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </dd>
    </div>
  );
}

function Method({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="grid min-w-0 gap-3 rounded-lg border p-4 wrap-anywhere">
      <h3 className="text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}

/** The two ways to prove a domain, each value with a copy button. */
export function DomainInstructions({ domain, token }: { domain: string; token: string }) {
  return (
    <div className="grid gap-3 lg:grid-cols-2" data-testid="domain-instructions">
      <Method title="Option 1: DNS TXT record">
        <p className="text-sm text-muted-foreground">
          At your DNS provider, add a TXT record on {domain} (or on _atelier.{domain}). DNS changes
          can take a few minutes to appear.
        </p>
        <dl className="grid gap-2">
          <CopyRow label="Record name" value={domain} />
          <CopyRow label="Record value" value={txtRecordValue(token)} />
        </dl>
      </Method>
      <Method title="Option 2: a file on your site">
        <p className="text-sm text-muted-foreground">
          Publish a plain-text file at {WELL_KNOWN_PATH} containing only the token. We fetch it over
          https (http if https does not answer); redirects to other domains do not count.
        </p>
        <dl className="grid gap-2">
          <CopyRow label="File URL" value={wellKnownUrl(domain)} />
          <CopyRow label="File content" value={token} />
        </dl>
      </Method>
    </div>
  );
}
