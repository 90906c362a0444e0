import { AppError } from "@/lib/errors";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import { route } from "@/lib/http/route";
import { assertJsonContentType } from "@/lib/http/same-origin";
import { consumeRateLimit } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** POST { operationKey, args } → ActionTestResult (request with credentials masked, response). */
export const POST = route<undefined, { id: string; actionId: string }>(
  { access: "user" },
  async ({ actor, params, request }) => {
    const limit = await consumeRateLimit({
      key: `action-test:user:${actor.id}`,
      limit: 60,
      windowSeconds: 600,
    });
    if (!limit.isAllowed) {
      throw new AppError("rate_limited", "Too many test calls. Wait a few minutes and try again.");
    }
    // Parsed by the domain function (its errors name the form's fields); declared JSON all the same.
    assertJsonContentType(request);
    const input = await request.json().catch(() => null);
    return testGptAction({ actor, gptId: params.id, actionId: params.actionId, input });
  },
);
