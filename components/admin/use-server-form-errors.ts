"use client";

import { useEffect, useState } from "react";
import { ApiError } from "@/lib/admin/api-client";

/**
 * The server's verdict on a submitted form: its message and its per-field errors, with focus
 * moved to the first field it rejected (in `fieldOrder`), so keyboard users land on the problem.
 * Field ids are `${idPrefix}-${name}`, as the forms build them.
 */
export function useServerFormErrors(idPrefix: string, fieldOrder: readonly string[]) {
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const first = fieldOrder.find((name) => error?.fieldErrors[name]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  }, [error, idPrefix, fieldOrder]);

  const hasFieldErrors = error !== null && Object.keys(error.fieldErrors).length > 0;
  return {
    /** The message for the whole form: the server's own, or a pointer to the fields. */
    generalMessage: !error
      ? null
      : !hasFieldErrors || error.fieldErrors._
        ? (error.fieldErrors._?.[0] ?? error.message)
        : "Check the highlighted fields.",
    fieldError: (name: string) => error?.fieldErrors[name]?.[0] ?? null,
    clear: () => setError(null),
    /** For a mutation's onError: any failure, as an ApiError. */
    fail: (caught: Error) =>
      setError(
        caught instanceof ApiError
          ? caught
          : new ApiError({ code: "internal", status: 0, message: caught.message }),
      ),
  };
}
