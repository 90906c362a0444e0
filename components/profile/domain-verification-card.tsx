"use client";

import { BadgeCheck, Globe, ShieldCheck } from "lucide-react";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/gpts/api-client";
import { normalizeDomain } from "@/lib/users/domain/domain-rules";
import {
  useRemoveDomainVerification,
  useStartDomainVerification,
  useVerifyDomain,
} from "@/lib/users/profile-hooks";
import type { DomainState } from "@/lib/users/profile-schema";
import { DomainInstructions } from "./domain-instructions";

// UTC: also rendered on the server, whose time zone is not the reader's (hydration must match).
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** Enter a domain → publish the token → Verify → badge; or remove the badge. */
export function DomainVerificationCard({
  domain,
  isSaved,
}: {
  domain: DomainState;
  isSaved: boolean;
}) {
  const [typed, setTyped] = useState("");
  const [inputError, setInputError] = useState<string | null>(null);
  const [isChanging, setIsChanging] = useState(false);
  const [failure, setFailure] = useState<string[] | null>(null);
  const start = useStartDomainVerification();
  const verify = useVerifyDomain();
  const remove = useRemoveDomainVerification();
  const isFormShown = isSaved && (isChanging || (!domain.pendingDomain && !domain.verifiedDomain));

  function submit(event: FormEvent) {
    event.preventDefault();
    const result = normalizeDomain(typed);
    if ("error" in result) return setInputError(result.error);
    setFailure(null);
    start.mutate(result.domain, {
      onSuccess: () => {
        setIsChanging(false);
        setTyped("");
      },
      onError: (caught) =>
        setInputError(
          caught instanceof ApiError
            ? (caught.fieldErrors.domain?.[0] ?? caught.message)
            : caught.message,
        ),
    });
  }

  function runCheck() {
    setFailure(null);
    verify.mutate(undefined, {
      onSuccess: (result) => {
        if (result.isVerified) toast.success(`Verified: ${result.domain.verifiedDomain}`);
        else setFailure(result.checks);
      },
      onError: (caught) => setFailure([caught.message]),
    });
  }

  return (
    <Card data-testid="domain-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldCheck className="size-5" aria-hidden /> Verified domain
        </CardTitle>
        <CardDescription>
          Prove you control a domain and your profile and GPT cards show a “Verified” badge.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-5">
        {!isSaved ? (
          <p className="text-sm text-muted-foreground">
            Save your profile first, then verify a domain.
          </p>
        ) : null}
        {domain.verifiedDomain ? (
          <div className="flex flex-col gap-3 rounded-lg border border-success/30 bg-success/10 p-4 sm:flex-row sm:items-center sm:justify-between">
            <p
              className="flex items-center gap-2 text-sm font-medium text-success"
              data-testid="domain-verified"
            >
              <BadgeCheck className="size-4 shrink-0" aria-hidden />
              Verified: {domain.verifiedDomain}
              {domain.verifiedAt ? ` since ${dateFormat.format(new Date(domain.verifiedAt))}` : ""}
            </p>
            <div className="flex flex-wrap gap-2">
              {!isChanging && !domain.pendingDomain ? (
                <Button variant="outline" size="sm" onClick={() => setIsChanging(true)}>
                  Use another domain
                </Button>
              ) : null}
              <Button
                variant="ghost"
                size="sm"
                isLoading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => toast.success("Domain verification removed"),
                    onError: (caught) => toast.error(caught.message),
                  })
                }
              >
                Remove
              </Button>
            </div>
          </div>
        ) : null}
        {isFormShown ? (
          <form
            onSubmit={submit}
            noValidate
            className="flex flex-col gap-3 sm:flex-row sm:items-start"
          >
            <Field id="domain-input" label="Domain" error={inputError} className="flex-1">
              <Input
                value={typed}
                onChange={(event) => {
                  setTyped(event.target.value);
                  setInputError(null);
                }}
                placeholder="example.com"
                autoCapitalize="none"
                spellCheck={false}
                inputMode="url"
              />
            </Field>
            <Button type="submit" className="sm:mt-7" isLoading={start.isPending}>
              <Globe aria-hidden /> Get instructions
            </Button>
            {isChanging ? (
              <Button
                type="button"
                variant="ghost"
                className="sm:mt-7"
                onClick={() => setIsChanging(false)}
              >
                Cancel
              </Button>
            ) : null}
          </form>
        ) : null}
        {domain.pendingDomain && domain.token && !isChanging ? (
          <div className="grid gap-4">
            <p className="text-sm">
              Verifying <span className="font-semibold">{domain.pendingDomain}</span>. Use either
              method, then select Verify.
            </p>
            <DomainInstructions domain={domain.pendingDomain} token={domain.token} />
            <div className="flex flex-wrap items-center gap-2">
              <Button onClick={runCheck} isLoading={verify.isPending}>
                {verify.isPending ? "Checking DNS and the file…" : "Verify"}
              </Button>
              <Button variant="ghost" onClick={() => setIsChanging(true)}>
                Use another domain
              </Button>
            </div>
            {failure ? (
              <Alert variant="destructive" data-testid="domain-failure">
                <AlertTitle className="wrap-anywhere">
                  {domain.pendingDomain} is not verified yet
                </AlertTitle>
                <AlertDescription>
                  <ul className="mt-1 grid list-disc gap-1 pl-4 wrap-anywhere">
                    {failure.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </AlertDescription>
              </Alert>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
