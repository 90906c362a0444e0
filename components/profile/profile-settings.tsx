"use client";

import { ExternalLink } from "lucide-react";
import Link from "next/link";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { LoadErrorAlert } from "@/components/ui/load-error-alert";
import { PageHeader } from "@/components/ui/page-header";
import { useMyProfile } from "@/lib/users/profile-hooks";
import type { MyProfile } from "@/lib/users/profile-schema";
import { DomainVerificationCard } from "./domain-verification-card";
import { ProfileAvatarField } from "./profile-avatar-field";
import { ProfileForm } from "./profile-form";

/** Settings → Profile: the public profile's details, picture and verified domain. */
export function ProfileSettings({ initialProfile }: { initialProfile: MyProfile }) {
  const query = useMyProfile({ initialData: initialProfile });
  const profile = query.data ?? initialProfile;
  return (
    <div className="grid gap-6" data-testid="profile-settings">
      <PageHeader
        title="Profile"
        description="How you appear to people browsing the store: on your profile page and next to your public GPTs."
        actions={
          profile.isSaved ? (
            <Button asChild variant="outline">
              <Link href={`/u/${profile.handle}`}>
                <ExternalLink aria-hidden /> View public profile
              </Link>
            </Button>
          ) : null
        }
      />
      {query.isError ? (
        <LoadErrorAlert
          title="Your profile could not be refreshed"
          message={query.error.message}
          isRetrying={query.isFetching}
          onRetry={() => query.refetch()}
        />
      ) : null}
      {!profile.isSaved ? (
        <Alert>
          <AlertDescription>
            You have no public profile yet. Check the suggested handle and name, then create it.
          </AlertDescription>
        </Alert>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>Public profile</CardTitle>
          <CardDescription>Everything here is public once saved.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ProfileAvatarField
            name={profile.displayName}
            avatarUrl={profile.avatarUrl}
            isSaved={profile.isSaved}
          />
          {/* Not keyed on isSaved: a remount would drop the save's own success callback. */}
          <ProfileForm profile={profile} />
        </CardContent>
      </Card>
      <DomainVerificationCard domain={profile.domain} isSaved={profile.isSaved} />
    </div>
  );
}
