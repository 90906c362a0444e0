import { signUp } from "@/lib/auth/sign-up";
import { AppError, errorResponse } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { assertJsonContentType, assertSameOrigin } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** Public: creates an account. The client then signs in through next-auth's credentials flow. */
export async function POST(request: Request) {
  try {
    assertSameOrigin(request);
    assertJsonContentType(request);
    const body = await request.json().catch(() => {
      throw new AppError("bad_request", "The request body must be JSON.");
    });
    const user = await signUp({ input: body, ip: clientIp(request.headers) });
    return Response.json({ user }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
