"use client";

import { useEffect } from "react";

/**
 * Marks `<html data-hydrated>` once React has hydrated the page, so browser tests (and anyone
 * scripting the UI) can wait for the one moment a server-rendered button starts to work: before
 * it, a click on a button lands on inert HTML and is lost.
 *
 * One signal at the root is enough. React attaches its event listeners when hydration starts,
 * and a click on content still waiting in a Suspense boundary (a `loading.tsx` page) makes React
 * hydrate that boundary at once and replay the click; only clicks before the root hydrates are
 * lost, and this effect runs after it has. Client-side navigations keep the attribute: they
 * render on the client and need no hydration.
 */
export function HydrationSignal() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
