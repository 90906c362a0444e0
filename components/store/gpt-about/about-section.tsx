import type { ReactNode } from "react";
import { useId } from "react";

/** One titled block of the GPT page under the starters (capabilities, reviews, more by …). */
export function AboutSection({
  title,
  action,
  testId,
  children,
}: {
  title: string;
  /** A link or button at the end of the title row, e.g. "View profile". */
  action?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="w-full text-left" data-testid={testId}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}
