import { isSameFieldValue } from "../gpts/gpt-config";

/**
 * The draft fields the Create tab's builder assistant may change, and the hand-edit rule that
 * decides whether a change is applied or only proposed. Pure and browser-safe.
 */
export const BUILDER_FIELDS = [
  "name",
  "description",
  "instructions",
  "conversationStarters",
  "categoryId",
  "avatarColor",
] as const;

export type BuilderField = (typeof BUILDER_FIELDS)[number];

export const BUILDER_FIELD_LABELS: Record<BuilderField, string> = {
  name: "Name",
  description: "Description",
  instructions: "Instructions",
  conversationStarters: "Conversation starters",
  categoryId: "Category",
  avatarColor: "Profile picture colour",
};

/**
 * The name a GPT gets when the creator starts in the Create tab before naming it (the editor
 * already shows unnamed GPTs this way). The builder treats it as "no name yet".
 */
export const UNTITLED_GPT_NAME = "Untitled GPT";

export function isBuilderField(value: unknown): value is BuilderField {
  return typeof value === "string" && (BUILDER_FIELDS as readonly string[]).includes(value);
}

/** True when the field holds nothing the creator could have written. */
export function isUnsetFieldValue(field: BuilderField, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" || (field === "name" && trimmed === UNTITLED_GPT_NAME);
  }
  if (Array.isArray(value)) {
    return value.every((item) => typeof item !== "string" || item.trim() === "");
  }
  return false;
}

export type BuilderDecision = "apply" | "propose" | "unchanged";

/**
 * The hand-edit rule: the builder may set a field freely while it is empty or still holds the
 * value the builder itself last set (its latest applied change). Anything else means the creator
 * edited the field by hand, so the change is only proposed and never silently overwrites it.
 */
export function decideBuilderChange({
  field,
  current,
  proposed,
  lastAppliedByBuilder,
}: {
  field: BuilderField;
  current: unknown;
  proposed: unknown;
  /** The `after` of the builder's latest APPLIED change to this field, if any. */
  lastAppliedByBuilder: { value: unknown } | null;
}): BuilderDecision {
  if (isSameFieldValue(current, proposed)) return "unchanged";
  if (!isHandEdited({ field, current, lastAppliedByBuilder })) return "apply";
  return "propose";
}

/** Whether the field's current value came from the creator rather than the builder. */
export function isHandEdited({
  field,
  current,
  lastAppliedByBuilder,
}: {
  field: BuilderField;
  current: unknown;
  lastAppliedByBuilder: { value: unknown } | null;
}): boolean {
  if (isUnsetFieldValue(field, current)) return false;
  return !(lastAppliedByBuilder && isSameFieldValue(current, lastAppliedByBuilder.value));
}
