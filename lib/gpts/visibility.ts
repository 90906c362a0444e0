import type { PublishGptInput } from "./schemas";

export type GptVisibility = PublishGptInput["visibility"];

/** Wording shared by the publish dialog, the editor header and "My GPTs". */
export const VISIBILITY_OPTIONS: { value: GptVisibility; label: string; description: string }[] = [
  { value: "PRIVATE", label: "Only me", description: "Only you can find and chat with it." },
  {
    value: "LINK",
    label: "Anyone with the link",
    description:
      "Not listed in the store, not indexed by search engines. Anyone with the link can chat with it.",
  },
  {
    value: "PUBLIC",
    label: "Public",
    description: "Listed in the store, where anyone can find it and chat with it.",
  },
];

export function visibilityLabel(visibility: GptVisibility): string {
  return VISIBILITY_OPTIONS.find((option) => option.value === visibility)?.label ?? visibility;
}

export function gptPath(slug: string): string {
  return `/g/${slug}`;
}
