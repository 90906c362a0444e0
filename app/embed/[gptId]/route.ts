import { embedFrameResponse } from "@/lib/embed/widget/frame-response";
import { errorResponse } from "@/lib/errors";

export const dynamic = "force-dynamic";

/** The website widget's chat panel, framed by the allowed sites only (its own CSP). */
export async function GET(_request: Request, { params }: { params: Promise<{ gptId: string }> }) {
  try {
    return await embedFrameResponse((await params).gptId);
  } catch (error) {
    return errorResponse(error);
  }
}
