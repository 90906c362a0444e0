"use client";

import { useCallback, useEffect, useState } from "react";

function focusFirstInvalid(formId: string): boolean {
  const field = document.querySelector<HTMLElement>(`#${formId} [aria-invalid="true"]`);
  field?.focus();
  return field !== null;
}

/**
 * Returns a function to call when a save is refused: focus then moves to the form's first invalid
 * field. It moves in an effect, after the commit that rendered the errors; a frame callback
 * scheduled from an async save could run before a busy browser rendered them. A field that
 * appears one render later (a tab switching back to show its error) gets one more frame.
 */
export function useFocusFirstInvalid(formId: string): () => void {
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0 || focusFirstInvalid(formId)) return;
    const frame = requestAnimationFrame(() => focusFirstInvalid(formId));
    return () => cancelAnimationFrame(frame);
  }, [formId, requests]);
  return useCallback(() => setRequests((count) => count + 1), []);
}
