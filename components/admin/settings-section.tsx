import type { ReactNode } from "react";

/** One titled part of the settings form, labelled by its heading for screen readers. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  /** The heading's id is `settings-<id>-heading`. */
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `settings-${id}-heading`;
  return (
    <section aria-labelledby={headingId} className="grid gap-4">
      <div className="grid gap-1">
        <h2 id={headingId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
