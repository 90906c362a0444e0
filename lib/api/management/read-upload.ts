import "server-only";
import { AppError } from "../../errors";
import { payloadTooLarge } from "./api-errors";

/** Room for the multipart envelope around a file at the size limit. */
const ENVELOPE_BYTES = 64 * 1024;

/**
 * The multipart field `file` of an upload, or a 413 Response when the declared body or the file is
 * over `maxBytes` (refused before reading a body that is too large anyway), as the UI's upload
 * routes do. A missing field or a body that is not multipart is a 400 naming `file`.
 */
export async function readUploadedFile(
  request: Request,
  { maxBytes, tooLargeMessage }: { maxBytes: number; tooLargeMessage: string },
): Promise<File | Response> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBytes + ENVELOPE_BYTES) return payloadTooLarge(tooLargeMessage);
  const form = await request.formData().catch(() => {
    throw new AppError(
      "bad_request",
      "Send the file as multipart/form-data in a field named `file`.",
      undefined,
      { details: { param: "file" } },
    );
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("bad_request", "No file was sent in the `file` field.", undefined, {
      details: { param: "file" },
    });
  }
  if (file.size > maxBytes) return payloadTooLarge(tooLargeMessage);
  return file;
}
