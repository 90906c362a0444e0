import { Sparkles } from "lucide-react";
import Link from "next/link";
import { cn } from "@/lib/utils/cn";

/** The Atelier mark and name, linking home; used by the site header and the auth pages. */
export function BrandLink({ size = "md", className }: { size?: "md" | "lg"; className?: string }) {
  return (
    <Link
      href="/"
      className={cn("flex items-center gap-2 font-semibold tracking-tight", className)}
    >
      <span
        className={cn(
          "grid place-items-center rounded-md bg-primary text-primary-foreground",
          size === "lg" ? "size-8" : "size-7",
        )}
      >
        <Sparkles className="size-4" aria-hidden />
      </span>
      Atelier
    </Link>
  );
}
