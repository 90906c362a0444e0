import { Star } from "lucide-react";
import { cn } from "@/lib/utils/cn";

/**
 * Five stars filled to the rating (to the nearest half). Decorative: the number next to it is
 * what assistive technology reads.
 */
export function RatingStars({ rating, className }: { rating: number; className?: string }) {
  const halves = Math.round(rating * 2);
  return (
    <span aria-hidden="true" className={cn("inline-flex items-center gap-0.5", className)}>
      {[1, 2, 3, 4, 5].map((position) => {
        const fill =
          halves >= position * 2 ? "full" : halves === position * 2 - 1 ? "half" : "none";
        return (
          <span key={position} className="relative inline-flex size-3.5">
            <Star className="absolute inset-0 size-3.5 text-muted-foreground/40" />
            {fill !== "none" ? (
              <span className={cn("absolute inset-0 overflow-hidden", fill === "half" && "w-1/2")}>
                <Star className="size-3.5 fill-amber-400 text-amber-400" />
              </span>
            ) : null}
          </span>
        );
      })}
    </span>
  );
}
