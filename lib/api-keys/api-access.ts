import "server-only";
import { getEntitlement } from "../billing/entitlement";
import { AppError } from "../errors";
import { getChatLimits } from "../limits/chat-limits";

export const NO_API_ACCESS_MESSAGE =
  "Your plan does not include API access. Choose a plan with API access under Settings → Billing.";

/** Plans decide whether API access is included (Plan.hasApiAccess); checked on every request. */
export async function assertApiAccess(userId: string): Promise<void> {
  const limits = await getChatLimits();
  const { plan } = await getEntitlement({ userId, pastDueGraceDays: limits.pastDueGraceDays });
  if (!plan.hasApiAccess) {
    throw new AppError("forbidden", NO_API_ACCESS_MESSAGE, undefined, {
      details: { reason: "no_api_access" },
    });
  }
}
