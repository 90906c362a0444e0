"use client";

import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { ApiError } from "@/lib/gpts/api-client";
import { BUILDER_DISPLAY_NAME_MAX } from "@/lib/users/builder-profile-schema";
import { handleProblem } from "@/lib/users/handle-rules";
import { useSaveProfile } from "@/lib/users/profile-hooks";
import { BIO_MAX, type MyProfile, profileSettingsSchema } from "@/lib/users/profile-schema";

type Values = { handle: string; displayName: string; bio: string; website: string };
type Errors = Partial<Record<keyof Values, string>>;

function firstErrors(fieldErrors: Record<string, string[] | undefined>): Errors {
  const errors: Errors = {};
  for (const key of ["handle", "displayName", "bio", "website"] as const) {
    if (fieldErrors[key]?.[0]) errors[key] = fieldErrors[key]?.[0];
  }
  return errors;
}

/** Handle (with its public URL), display name, bio and website; saved together. */
export function ProfileForm({ profile }: { profile: MyProfile }) {
  const [values, setValues] = useState<Values>({
    handle: profile.handle,
    displayName: profile.displayName,
    bio: profile.bio ?? "",
    website: profile.website ?? "",
  });
  const [errors, setErrors] = useState<Errors>({});
  const save = useSaveProfile();
  const handleHint = values.handle ? handleProblem(values.handle) : "Choose a handle.";

  function set<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = profileSettingsSchema.safeParse(values);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0]);
        fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
      }
      return setErrors(firstErrors(fieldErrors));
    }
    save.mutate(values, {
      onSuccess: (saved) => {
        setValues({
          handle: saved.handle,
          displayName: saved.displayName,
          bio: saved.bio ?? "",
          website: saved.website ?? "",
        });
        toast.success("Profile saved");
      },
      onError: (caught) => {
        if (caught instanceof ApiError) setErrors(firstErrors(caught.fieldErrors));
        toast.error(caught.message);
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Profile details">
      <Field
        id="profile-handle"
        label="Handle"
        isRequired
        error={errors.handle}
        description={
          <span data-testid="handle-preview">
            Your profile:{" "}
            <span className="font-medium text-foreground">/u/{values.handle || "…"}</span>
            {!errors.handle && handleHint ? ` · ${handleHint}` : ""}
          </span>
        }
      >
        <Input
          value={values.handle}
          onChange={(event) => set("handle", event.target.value.toLowerCase().trim())}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={30}
          required
        />
      </Field>
      <Field
        id="profile-display-name"
        label="Display name"
        isRequired
        error={errors.displayName}
        description="Shown on your profile and as the creator of your GPTs."
      >
        <Input
          value={values.displayName}
          onChange={(event) => set("displayName", event.target.value)}
          maxLength={BUILDER_DISPLAY_NAME_MAX}
          autoComplete="name"
          required
        />
      </Field>
      <Field
        id="profile-bio"
        label="Bio"
        error={errors.bio}
        description={
          <span data-testid="bio-counter">
            {values.bio.length}/{BIO_MAX} characters
          </span>
        }
      >
        <Textarea
          value={values.bio}
          onChange={(event) => set("bio", event.target.value)}
          rows={3}
          placeholder="What you build, and for whom."
        />
      </Field>
      <Field
        id="profile-website"
        label="Website"
        error={errors.website}
        description="An http or https address; https:// is added when you leave it out."
      >
        <Input
          value={values.website}
          onChange={(event) => set("website", event.target.value)}
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.com"
        />
      </Field>
      <div className="flex justify-end">
        <Button type="submit" isLoading={save.isPending}>
          {profile.isSaved ? "Save profile" : "Create profile"}
        </Button>
      </div>
    </form>
  );
}
