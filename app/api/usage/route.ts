import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { getGptUsageSummary } from "@/lib/usage/queries";

export const dynamic = "force-dynamic";

/** GET /api/usage?gptId=…: a GPT's usage for its owner (or an admin). */
export const GET = route({ access: "user" }, async ({ actor, request }) => {
  const gptId = z.string().min(1).safeParse(new URL(request.url).searchParams.get("gptId"));
  if (!gptId.success) throw new AppError("bad_request", "Pass the GPT's id as ?gptId=.");
  return getGptUsageSummary({ actor, gptId: gptId.data });
});
