import "server-only";
import type { CapabilityAvailability, CapabilityKey } from "./capabilities";

/**
 * Which capabilities this instance can serve. Knowledge retrieval and actions run on the app
 * itself; the built-in tools need a provider this instance does not have yet (when one is added,
 * its configuration in lib/env.ts decides here). The editor shows the reasons, and saving refuses
 * to switch on what cannot be served.
 */
export function getCapabilityAvailability(): CapabilityAvailability {
  return {
    knowledge: { isAvailable: true },
    actions: { isAvailable: true },
    web_browsing: {
      isAvailable: false,
      reason: "This instance has no web search provider configured.",
    },
    image_generation: {
      isAvailable: false,
      reason: "No image generation model is configured on this instance.",
    },
    code_interpreter: { isAvailable: false, reason: "This instance has no code sandbox." },
  };
}

/** Capabilities in `keys` this instance cannot serve. */
export function unavailableCapabilities(keys: readonly string[]): CapabilityKey[] {
  const availability = getCapabilityAvailability();
  return keys.filter(
    (key): key is CapabilityKey =>
      key in availability && !availability[key as CapabilityKey].isAvailable,
  );
}
