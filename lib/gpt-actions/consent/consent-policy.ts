/**
 * When a call must wait for the user. Reads are asked about once per GPT and domain ("Allow"
 * covers later reads); calls that change things ask every time, unless the user chose
 * "Always allow" for this GPT and domain.
 */
export function needsConsent({
  consent,
  isConsequential,
}: {
  consent: "ALLOWED" | "ALWAYS" | null;
  isConsequential: boolean;
}): boolean {
  if (consent === "ALWAYS") return false;
  if (isConsequential) return true;
  return consent === null;
}
