import { AppError } from "@/lib/errors";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import { GPT_PACKAGE_LIMITS, PACKAGE_FILE_KEY } from "@/lib/gpts/package/package-schema";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The form's own overhead on top of the largest accepted package.
const MAX_BODY_BYTES = GPT_PACKAGE_LIMITS.zipBytes + 64 * 1024;

function tooLarge(): never {
  throw new AppError("bad_request", "This file is too large for a GPT package.", {
    [PACKAGE_FILE_KEY]: [
      `The file is larger than ${GPT_PACKAGE_LIMITS.zipBytes / 1024 / 1024} MB.`,
    ],
  });
}

/**
 * Imports a package (multipart field `file`: .json or .zip, told apart by content) as a new
 * private draft of the caller → 201 `{ id, slug, warnings }`; an invalid package → 400 with
 * every problem in `fieldErrors`, keyed by its path in the package.
 */
export const POST = route({ access: "user" }, async ({ request, actor }) => {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) tooLarge();
  const form = await request.formData().catch(() => {
    throw new AppError("bad_request", "Send the package as multipart form data (field “file”).");
  });
  const file = form.get("file");
  if (!(file instanceof File)) {
    throw new AppError("bad_request", "Choose a package file to import.", {
      [PACKAGE_FILE_KEY]: ["No file was sent."],
    });
  }
  if (file.size > GPT_PACKAGE_LIMITS.zipBytes) tooLarge();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const imported = await importGptPackage({ actor, bytes });
  return Response.json(imported, { status: 201 });
});
