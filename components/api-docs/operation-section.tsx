import { KeyRound } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CodeBlock } from "@/components/ui/code-block";
import type { ReferenceOperation, SchemaField } from "@/lib/api/openapi/reference";
import { InlineCode } from "./inline-code";
import { MethodBadge } from "./method-badge";
import { SchemaFieldList } from "./schema-field-list";

function FieldGroup({
  title,
  detail,
  fields,
}: {
  title: string;
  detail?: string;
  fields: SchemaField[];
}) {
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b pb-2">
        <h4 className="text-sm font-semibold">{title}</h4>
        {detail ? <span className="text-xs text-muted-foreground">{detail}</span> : null}
      </div>
      {fields.length > 0 ? (
        <SchemaFieldList fields={fields} className="pt-3" />
      ) : (
        <p className="pt-3 text-sm text-muted-foreground">No fields.</p>
      )}
    </div>
  );
}

/** One operation of the reference, as the OpenAPI document describes it. */
export function OperationSection({ operation }: { operation: ReferenceOperation }) {
  const { response, body } = operation;
  const titleId = `${operation.id}-title`;
  return (
    <section
      id={operation.id}
      aria-labelledby={titleId}
      className="scroll-mt-20 border-t py-10 first:border-t-0 first:pt-4"
    >
      <div className="flex min-w-0 items-center gap-2">
        <MethodBadge method={operation.method} />
        <code className="min-w-0 break-all font-mono text-sm">{operation.path}</code>
      </div>
      <h3 id={titleId} className="mt-3 text-xl font-semibold tracking-tight">
        {operation.summary}
      </h3>
      {operation.scope ? (
        <Badge variant="outline" className="mt-2 font-mono">
          <KeyRound aria-hidden="true" />
          <span className="sr-only">Scope: </span>
          {operation.scope}
        </Badge>
      ) : null}
      <p className="mt-3 max-w-3xl text-sm leading-relaxed text-muted-foreground text-pretty sm:text-base">
        <InlineCode text={operation.description} />
      </p>
      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-8 xl:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
        <div className="flex min-w-0 flex-col gap-8">
          {operation.pathParams.length > 0 ? (
            <FieldGroup title="Path parameters" fields={operation.pathParams} />
          ) : null}
          {operation.queryParams.length > 0 ? (
            <FieldGroup title="Query parameters" fields={operation.queryParams} />
          ) : null}
          {body ? (
            <FieldGroup
              title="Request body"
              detail={body.contentTypes.join(" or ")}
              fields={body.fields}
            />
          ) : null}
          <FieldGroup
            title={`Response ${response.status}`}
            detail={response.contentTypes.join(" or ")}
            fields={response.fields}
          />
          {operation.errorStatuses.length > 0 ? (
            <p className="text-sm text-muted-foreground">
              Errors:{" "}
              <a href="#errors" className="font-mono underline-offset-4 hover:underline">
                {operation.errorStatuses.join(" · ")}
              </a>
            </p>
          ) : null}
        </div>
        <div className="min-w-0 xl:sticky xl:top-20 xl:self-start">
          <p className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
            Example request
          </p>
          <CodeBlock code={operation.curl} language="bash" className="my-0" />
        </div>
      </div>
    </section>
  );
}
