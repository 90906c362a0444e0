"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, type PublishedGpt, saveGptDraftRequest } from "@/lib/gpts/api-client";
import {
  type DraftField,
  type DraftFormValues,
  type FieldErrors,
  fieldOfErrorKey,
  firstFieldErrors,
  isEmptyDraftForm,
  parseDraftForm,
} from "@/lib/gpts/draft-form";
import { useCreateGpt, usePublishGpt, useSaveGptDraft } from "@/lib/gpts/hooks";
import type { PublishGptInput } from "@/lib/gpts/schemas";
import type { GptVisibility } from "@/lib/gpts/visibility";

export const AUTOSAVE_DELAY_MS = 1000;

export type SaveState = "new" | "saved" | "saving" | "dirty" | "invalid" | "failed" | "conflict";
type SaveOutcome = "saved" | "invalid" | "failed" | "conflict";

export type PublishedState = { number: number; slug: string; visibility: GptVisibility };

export type DraftInitialState = {
  gpt: { id: string; slug: string } | null;
  revision: number;
  values: DraftFormValues;
  published: PublishedState | null;
  hasUnpublishedChanges: boolean;
};

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, "internal", "Something went wrong. Please try again.");
}

/**
 * The editor's draft: form values, debounced autosave, explicit save, publish and the save status.
 * Saves and publishes run one at a time through a queue, so a publish always snapshots the latest
 * saved draft and two saves never race each other's revision.
 */
export function useGptDraft({
  initial,
  onCreated,
}: {
  initial: DraftInitialState;
  /** Called once when the first save of a new GPT creates it. */
  onCreated?: (gpt: { id: string; slug: string }) => void;
}) {
  const [initialSnapshot] = useState(() => {
    const parsed = parseDraftForm(initial.values);
    return parsed.isValid ? parsed.snapshot : null;
  });

  const [values, setValues] = useState(initial.values);
  const [gpt, setGpt] = useState(initial.gpt);
  const [savedSnapshot, setSavedSnapshot] = useState(initial.gpt ? initialSnapshot : null);
  const [published, setPublished] = useState(initial.published);
  // Known only when the loaded draft equals the published version, or after publishing here.
  const [publishedSnapshot, setPublishedSnapshot] = useState(
    initial.published && !initial.hasUnpublishedChanges ? initialSnapshot : null,
  );
  const [isConflict, setIsConflict] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [serverFieldErrors, setServerFieldErrors] = useState<FieldErrors>({});
  const [editedFields, setEditedFields] = useState<ReadonlySet<string>>(new Set());
  const [shouldShowAllErrors, setShouldShowAllErrors] = useState(false);
  const [isNameCommitted, setIsNameCommitted] = useState(false);

  // Refs are the source of truth for the async save path; state mirrors them for rendering.
  const valuesRef = useRef(values);
  const gptRef = useRef(gpt);
  const revisionRef = useRef(initial.revision);
  const savedSnapshotRef = useRef(savedSnapshot);
  const isConflictRef = useRef(false);
  const isLeavingRef = useRef(false);
  const chainRef = useRef<Promise<unknown>>(Promise.resolve());
  const onCreatedRef = useRef(onCreated);
  useEffect(() => {
    onCreatedRef.current = onCreated;
  }, [onCreated]);

  const { mutateAsync: createGpt, isPending: isCreating } = useCreateGpt();
  const { mutateAsync: saveDraft, isPending: isSavingDraft } = useSaveGptDraft();
  const { mutateAsync: publishDraft, isPending: isPublishing } = usePublishGpt();
  const isSaving = isCreating || isSavingDraft;

  const parsed = useMemo(() => parseDraftForm(values), [values]);
  const isDirty =
    gpt === null ? !isEmptyDraftForm(values) : !parsed.isValid || parsed.snapshot !== savedSnapshot;

  const setField = useCallback(<K extends DraftField>(field: K, value: DraftFormValues[K]) => {
    const next = { ...valuesRef.current, [field]: value };
    valuesRef.current = next;
    setValues(next);
    setEditedFields((fields) => (fields.has(field) ? fields : new Set(fields).add(field)));
    setServerFieldErrors((errors) => {
      const kept = Object.entries(errors).filter(([key]) => fieldOfErrorKey(key) !== field);
      return kept.length === Object.keys(errors).length ? errors : Object.fromEntries(kept);
    });
  }, []);

  const performSave = useCallback(async (): Promise<SaveOutcome> => {
    if (isConflictRef.current) return "conflict";
    const sent = valuesRef.current;
    const result = parseDraftForm(sent);
    if (!result.isValid) {
      setShouldShowAllErrors(true);
      return "invalid";
    }
    const current = gptRef.current;
    if (current && result.snapshot === savedSnapshotRef.current) return "saved";
    try {
      if (current) {
        const saved = await saveDraft({
          gptId: current.id,
          draft: sent,
          revision: revisionRef.current,
        });
        revisionRef.current = saved.revision;
      } else {
        const created = await createGpt(sent);
        revisionRef.current = created.revision;
        gptRef.current = { id: created.id, slug: created.slug };
        setGpt(gptRef.current);
        onCreatedRef.current?.(gptRef.current);
      }
      savedSnapshotRef.current = result.snapshot;
      setSavedSnapshot(result.snapshot);
      setSaveError(null);
      setServerFieldErrors({});
      return "saved";
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === "conflict") {
        isConflictRef.current = true;
        setIsConflict(true);
        return "conflict";
      }
      setSaveError(apiError);
      setServerFieldErrors(firstFieldErrors(apiError.fieldErrors));
      return "failed";
    }
  }, [createGpt, saveDraft]);

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const run = chainRef.current.then(task, task);
    chainRef.current = run.catch(() => undefined);
    return run;
  }, []);

  const save = useCallback(() => enqueue(performSave), [enqueue, performSave]);

  /** Saves pending edits first (publishing snapshots the saved draft), then publishes. */
  const publish = useCallback(
    (input: PublishGptInput) =>
      enqueue(async (): Promise<PublishedGpt> => {
        const outcome = await performSave();
        if (outcome === "invalid") throw new Error("Fix the highlighted fields before publishing.");
        if (outcome === "conflict") {
          throw new Error("This GPT was changed somewhere else. Reload before publishing.");
        }
        if (outcome === "failed") {
          throw new Error("Your latest changes could not be saved, so nothing was published.");
        }
        const snapshotAtPublish = savedSnapshotRef.current;
        const result = await publishDraft({ gptId: gptRef.current!.id, input });
        setPublished({ number: result.number, slug: result.slug, visibility: result.visibility });
        setPublishedSnapshot(snapshotAtPublish);
        return result;
      }),
    [enqueue, performSave, publishDraft],
  );

  /**
   * Runs a server-side change to the draft (builder tool call, undo, restore a version) with the
   * editor's edits saved first and no autosave in between, so the change applies to what the
   * creator sees and the revision stays in step. The task gets the saved GPT's id and revision.
   */
  const withSavedDraft = useCallback(
    <T>(task: (saved: { gptId: string; revision: number }) => Promise<T>): Promise<T> =>
      enqueue(async () => {
        const outcome = await performSave();
        if (outcome === "invalid") throw new Error("Fix the highlighted fields first.");
        if (outcome === "conflict") {
          throw new Error("This GPT was changed somewhere else. Reload first.");
        }
        if (outcome === "failed") throw new Error("Your latest changes could not be saved.");
        const current = gptRef.current;
        if (!current) throw new Error("Give your GPT a name first.");
        return task({ gptId: current.id, revision: revisionRef.current });
      }),
    [enqueue, performSave],
  );

  /**
   * Takes a draft the server changed (see withSavedDraft) as the new saved state. Fields not in
   * `values` keep what is on screen. `matchesPublished` says the draft now equals the published
   * version (e.g. after restoring it), so "Unpublished changes" clears.
   */
  const adoptServerDraft = useCallback(
    ({
      values: changed,
      revision,
      matchesPublished = false,
    }: {
      values: Partial<DraftFormValues>;
      revision: number;
      matchesPublished?: boolean;
    }) => {
      const next = { ...valuesRef.current, ...changed };
      valuesRef.current = next;
      setValues(next);
      revisionRef.current = Math.max(revisionRef.current, revision);
      const result = parseDraftForm(next);
      if (result.isValid) {
        savedSnapshotRef.current = result.snapshot;
        setSavedSnapshot(result.snapshot);
        if (matchesPublished) setPublishedSnapshot(result.snapshot);
      }
      setServerFieldErrors({});
    },
    [],
  );

  const canAutosave = gpt !== null || isNameCommitted;
  useEffect(() => {
    if (!isDirty || isConflict || !parsed.isValid || !canAutosave) return;
    const timer = window.setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [isDirty, isConflict, parsed, canAutosave, save]);

  const shouldWarnOnLeave = isDirty || isSaving || isPublishing;
  useEffect(() => {
    if (!shouldWarnOnLeave) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (isLeavingRef.current) return;
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [shouldWarnOnLeave]);

  // Client-side navigation away skips beforeunload: send the last edits with keepalive instead.
  useEffect(
    () => () => {
      const current = gptRef.current;
      if (!current || isConflictRef.current || isLeavingRef.current) return;
      const pending = parseDraftForm(valuesRef.current);
      if (!pending.isValid || pending.snapshot === savedSnapshotRef.current) return;
      saveGptDraftRequest({
        gptId: current.id,
        draft: valuesRef.current,
        revision: revisionRef.current,
        keepalive: true,
      }).catch(() => undefined);
    },
    [],
  );

  const reload = useCallback(() => {
    isLeavingRef.current = true;
    window.location.reload();
  }, []);

  const commitName = useCallback(() => {
    if (valuesRef.current.name.trim()) setIsNameCommitted(true);
  }, []);

  const fieldErrors = useMemo(() => {
    const visible: FieldErrors = { ...serverFieldErrors };
    if (!parsed.isValid) {
      for (const [key, message] of Object.entries(parsed.fieldErrors)) {
        if (shouldShowAllErrors || editedFields.has(fieldOfErrorKey(key))) visible[key] = message;
      }
    }
    return visible;
  }, [parsed, serverFieldErrors, shouldShowAllErrors, editedFields]);

  let saveState: SaveState;
  if (isConflict) saveState = "conflict";
  else if (isSaving) saveState = "saving";
  else if (!isDirty) saveState = gpt ? "saved" : "new";
  else if (!parsed.isValid) saveState = "invalid";
  else if (saveError) saveState = "failed";
  else saveState = "dirty";

  return {
    values,
    setField,
    commitName,
    gpt,
    fieldErrors,
    saveState,
    saveError,
    isDirty,
    isPublishing,
    published,
    hasUnpublishedChanges:
      published !== null && (publishedSnapshot === null || savedSnapshot !== publishedSnapshot),
    save,
    publish,
    reload,
    withSavedDraft,
    adoptServerDraft,
    /** Unpublishing clears it; publishing elsewhere (version restore + publish) sets it. */
    setPublished,
  };
}

export type GptDraftController = ReturnType<typeof useGptDraft>;
