"use client";

import { useEffect, useState } from "react";
import { formatAbsoluteTime, formatRelativeTime } from "@/lib/utils/format-time";

export function ReviewTime({ iso }: { iso: string }) {
  // The absolute time is in the browser's time zone, unknown to the server: set after mount.
  const [title, setTitle] = useState<string>();
  useEffect(() => setTitle(formatAbsoluteTime(iso)), [iso]);
  return (
    <time dateTime={iso} title={title} suppressHydrationWarning>
      {formatRelativeTime(iso)}
    </time>
  );
}
