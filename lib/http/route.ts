import "server-only";
import type { z } from "zod";
import {
  type Actor,
  getActor,
  requireActor,
  requireAdmin,
  requireModerator,
} from "../auth/session";
import { AppError, errorResponse } from "../errors";
import { assertJsonContentType, assertSameOrigin } from "./same-origin";

/**
 * "public": anyone, signed in or not (actor may be null); "user": signed in; "moderator": admins
 * and moderators (reports and listing reviews); "admin": admins.
 */
type Access = "public" | "user" | "moderator" | "admin";

type Context<TBody, TParams, TAccess extends Access> = {
  request: Request;
  actor: TAccess extends "public" ? Actor | null : Actor;
  body: TBody;
  params: TParams;
};

/**
 * Wraps a route handler: refuses state-changing requests from other sites (lib/http/same-origin),
 * authenticates (every handler built with it requires a signed-in user, or an admin), parses the
 * JSON body with the given zod schema, and maps AppError (and anything else) to a JSON error
 * Response. A handler returning a Response sends it as is; anything else as JSON.
 */
export function route<
  TSchema extends z.ZodType | undefined,
  TParams = Record<string, string>,
  // Explicit type arguments without a third mean a signed-in route; public ones pass "public".
  TAccess extends Access = Exclude<Access, "public">,
>(
  options: {
    access: TAccess;
    body?: TSchema;
  },
  handler: (
    context: Context<TSchema extends z.ZodType ? z.infer<TSchema> : undefined, TParams, TAccess>,
  ) => Promise<unknown>,
) {
  return async (request: Request, segment: { params: Promise<TParams> }) => {
    try {
      assertSameOrigin(request);
      const actor =
        options.access === "admin"
          ? await requireAdmin()
          : options.access === "moderator"
            ? await requireModerator()
            : options.access === "user"
              ? await requireActor()
              : await getActor();
      let body: unknown;
      if (options.body) {
        assertJsonContentType(request);
        const json = await request.json().catch(() => {
          throw new AppError("bad_request", "The request body must be JSON.");
        });
        const parsed = options.body.safeParse(json);
        if (!parsed.success) {
          const fieldErrors: Record<string, string[]> = {};
          for (const issue of parsed.error.issues) {
            const key = issue.path.join(".") || "_";
            fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
          }
          throw new AppError("bad_request", "Check the highlighted fields.", fieldErrors);
        }
        body = parsed.data;
      }
      const params = (await segment?.params) ?? ({} as TParams);
      const result = await handler({
        request,
        actor: actor as Context<unknown, TParams, TAccess>["actor"],
        body: body as never,
        params,
      });
      if (result instanceof Response) return result;
      return Response.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
