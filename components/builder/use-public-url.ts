"use client";

import { useSyncExternalStore } from "react";
import { gptPath } from "@/lib/gpts/visibility";

const subscribe = () => () => {};

/** The absolute link to a GPT's page; relative during SSR (never rendered, only copied). */
export function usePublicUrl(slug: string): string {
  const origin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  return `${origin}${gptPath(slug)}`;
}
