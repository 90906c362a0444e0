import "server-only";
import { createEgressFetch } from "../security/egress";
import { getEgressPolicy } from "../security/egress-policy";

/** Long enough for a slow model's whole streamed answer. */
const MODEL_TIMEOUT_MS = 15 * 60_000;

/**
 * The fetch a model client uses: through the egress guard, unless the admin marked the model's
 * endpoint as a trusted private one (ModelConfig.isEgressExempt). Undefined means the SDK's own.
 */
export async function modelFetch(model: {
  isEgressExempt: boolean;
}): Promise<typeof fetch | undefined> {
  if (model.isEgressExempt) return undefined;
  return createEgressFetch({
    policy: await getEgressPolicy(),
    timeoutMs: MODEL_TIMEOUT_MS,
    maxResponseBytes: 64 * 1024 * 1024,
  });
}
