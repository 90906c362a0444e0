import type { SchemaField } from "@/lib/api/openapi/reference";
import { cn } from "@/lib/utils/cn";
import { InlineCode } from "./inline-code";

function FieldRow({ field }: { field: SchemaField }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <code className="font-mono text-sm font-semibold text-foreground">{field.name}</code>
        <span className="font-mono text-xs text-muted-foreground">{field.type}</span>
        {field.isRequired ? (
          <span className="text-xs font-medium text-destructive">required</span>
        ) : null}
      </div>
      {field.description ? (
        <p className="mt-1 text-sm text-muted-foreground">
          <InlineCode text={field.description} />
        </p>
      ) : null}
      {field.notes.length > 0 ? (
        <p className="mt-1 text-xs text-muted-foreground">{field.notes.join(" · ")}</p>
      ) : null}
      {field.children.length > 0 ? (
        <details className="group mt-2 rounded-md border">
          <summary className="cursor-pointer select-none rounded-md px-3 py-1.5 text-xs font-medium text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <span className="group-open:hidden">Show</span>
            <span className="hidden group-open:inline">Hide</span> {field.children.length}{" "}
            {field.children.length === 1 ? "field" : "fields"} of {field.name}
          </summary>
          <div className="border-t px-3 py-3">
            <SchemaFieldList fields={field.children} />
          </div>
        </details>
      ) : null}
    </li>
  );
}

/** The fields of a parameter set, body or response, nested fields folded away. */
export function SchemaFieldList({
  fields,
  className,
}: {
  fields: SchemaField[];
  className?: string;
}) {
  return (
    <ul className={cn("divide-y", className)}>
      {fields.map((field) => (
        <FieldRow key={field.name} field={field} />
      ))}
    </ul>
  );
}
