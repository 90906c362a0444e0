/**
 * What a GPT can be switched to do, beyond chatting. Browser-safe: the editor renders the list and
 * the server validates against the same keys. Whether this instance can serve a capability is
 * decided on the server (lib/gpts/capability-availability.ts) and shown with the reason.
 */
export const CAPABILITIES = [
  {
    key: "knowledge",
    label: "Knowledge retrieval",
    description: "Answer from the files uploaded to this GPT, with citations.",
  },
  {
    key: "actions",
    label: "Actions",
    description: "Call external APIs described by the actions configured on this GPT.",
  },
  {
    key: "web_browsing",
    label: "Web browsing",
    description: "Search the web and read pages while answering.",
  },
  {
    key: "image_generation",
    label: "Image generation",
    description: "Create images from a description.",
  },
  {
    key: "code_interpreter",
    label: "Code interpreter",
    description: "Run code in a sandbox to analyse data and compute answers.",
  },
] as const;

export type CapabilityKey = (typeof CAPABILITIES)[number]["key"];

export const CAPABILITY_KEYS = CAPABILITIES.map((capability) => capability.key) as [
  CapabilityKey,
  ...CapabilityKey[],
];

/** Per capability: can this instance serve it, and if not, why (shown next to the toggle). */
export type CapabilityAvailability = Record<
  CapabilityKey,
  { isAvailable: true } | { isAvailable: false; reason: string }
>;

export function capabilityLabel(key: string): string {
  return CAPABILITIES.find((capability) => capability.key === key)?.label ?? key;
}
