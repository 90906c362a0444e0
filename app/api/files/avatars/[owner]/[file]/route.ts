import { errorResponse } from "@/lib/errors";
import { readAvatarImage } from "@/lib/gpts/avatar/read-avatar-image";

export const dynamic = "force-dynamic";

/**
 * Serves an uploaded GPT picture. Public on purpose: avatars show on store cards for signed-out
 * visitors, and keys are unguessable. A key names one immutable file (a new upload gets a new
 * key), so browsers and proxies may cache it for a year.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ owner: string; file: string }> },
) {
  try {
    const image = await readAvatarImage(await params);
    if (!image) {
      return Response.json(
        { error: { code: "not_found", message: "Picture not found." } },
        { status: 404, headers: { "cache-control": "no-store" } },
      );
    }
    return new Response(new Uint8Array(image), {
      headers: {
        "content-type": "image/webp",
        "content-length": String(image.length),
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        "content-security-policy": "default-src 'none'; sandbox",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
