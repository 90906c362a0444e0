import { z } from "zod";
import {
  allowApiActions,
  listApiActionPermissions,
  searchApiActionCandidates,
} from "@/lib/api-keys/action-permissions";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const allowSchema = z.object({ gptId: z.string().trim().min(1, "Choose a GPT.").max(100) });

/**
 * GET ?q= → { allowed, candidates }: GPTs whose actions may run over the user's API keys, and
 * GPTs with actions they could allow (owned or chatted with), matching `q` by name.
 */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const [allowed, candidates] = await Promise.all([
    listApiActionPermissions({ actor }),
    searchApiActionCandidates({ actor, query }),
  ]);
  return { allowed, candidates };
});

/** POST { gptId } → 201 { gpt }: lets that GPT's actions run over the API (idempotent). */
export const POST = route({ access: "user", body: allowSchema }, async ({ actor, body }) =>
  Response.json({ gpt: await allowApiActions({ actor, gptId: body.gptId }) }, { status: 201 }),
);
