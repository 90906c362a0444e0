import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

/** Placeholder shape; wrap a group of skeletons in an element with aria-busy or a Spinner label. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      aria-hidden="true"
      className={cn("animate-pulse rounded-md bg-muted", className)}
      {...props}
    />
  );
}
