import { BUILDER_FIELD_LABELS } from "@/lib/builder/fields";
import type { BuilderChangeView } from "@/lib/builder/schemas";

type Category = { id: string; name: string };

function quoted(value: unknown): string {
  const text = typeof value === "string" ? value.trim() : "";
  return text.length > 60 ? `“${text.slice(0, 57)}…”` : `“${text}”`;
}

/** What the change did, in the words of the builder chat ("Set the name to “Trail Buddy”"). */
function describeApplied(change: BuilderChangeView, categories: Category[]): string {
  switch (change.field) {
    case "name":
      return `Set the name to ${quoted(change.after)}`;
    case "description":
      return "Updated the description";
    case "instructions":
      return "Updated instructions";
    case "conversationStarters": {
      const count = Array.isArray(change.after) ? change.after.length : 0;
      return count === 0
        ? "Removed the conversation starters"
        : `Set ${count} conversation starter${count === 1 ? "" : "s"}`;
    }
    case "categoryId": {
      const category = categories.find((candidate) => candidate.id === change.after);
      return category ? `Set the category to ${category.name}` : "Changed the category";
    }
    case "avatarColor":
      return "Changed the profile picture colour";
  }
}

/** The one-line title of a change in the builder chat, by status. */
export function describeBuilderChange(change: BuilderChangeView, categories: Category[]): string {
  const label = BUILDER_FIELD_LABELS[change.field];
  switch (change.status) {
    case "APPLIED":
      return describeApplied(change, categories);
    case "UNDONE":
      return `Undone: ${describeApplied(change, categories).replace(/^./, (c) => c.toLowerCase())}`;
    case "PROPOSED":
      return `Proposed change to ${label} — you edited this field yourself`;
    case "DISMISSED":
      return `Dismissed the proposed change to ${label}`;
  }
}

/** The proposed value as text, for the "what would change" preview of a proposal. */
export function formatFieldValue(change: BuilderChangeView, categories: Category[]): string {
  const value = change.after;
  if (Array.isArray(value)) return value.map((item) => `• ${String(item)}`).join("\n");
  if (change.field === "categoryId") {
    return categories.find((candidate) => candidate.id === value)?.name ?? "No category";
  }
  if (value === null || value === undefined || value === "") return "(empty)";
  return String(value);
}
