import { FileJson } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ApiReference as Reference } from "@/lib/api/openapi/reference";
import { ApiBasics } from "./api-basics";
import { MethodBadge } from "./method-badge";
import { OperationSection } from "./operation-section";
import { QuickStart } from "./quick-start";

const GUIDE_LINKS = [
  { href: "#quick-start", label: "Quick start" },
  { href: "#authentication", label: "Authentication" },
  { href: "#rate-limits", label: "Rate limits and usage" },
  { href: "#errors", label: "Errors" },
];

function Sidebar({ reference }: { reference: Reference }) {
  return (
    <nav
      aria-label="API reference"
      className="sticky top-20 hidden max-h-[calc(100dvh-6rem)] overflow-y-auto pb-8 text-sm lg:block"
    >
      <ul className="grid gap-1">
        {GUIDE_LINKS.map((link) => (
          <li key={link.href}>
            <a
              href={link.href}
              className="block rounded-md px-2 py-1 text-muted-foreground hover:bg-accent hover:text-foreground"
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      {reference.groups.map((group) => (
        <div key={group.tag} className="mt-5">
          <p className="px-2 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {group.tag}
          </p>
          <ul className="mt-1 grid gap-0.5">
            {group.operations.map((operation) => (
              <li key={operation.id}>
                <a
                  href={`#${operation.id}`}
                  className="flex items-start gap-2 rounded-md px-2 py-1 leading-snug text-muted-foreground hover:bg-accent hover:text-foreground"
                >
                  <MethodBadge method={operation.method} className="mt-px w-12 text-[0.625rem]" />
                  <span>{operation.summary}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}

/** The endpoints at a glance (the sidebar's job on phones, where it is hidden). */
function EndpointIndex({ reference }: { reference: Reference }) {
  return (
    <ul className="divide-y rounded-lg border text-sm">
      {reference.groups.flatMap((group) =>
        group.operations.map((operation) => (
          <li key={operation.id}>
            <a
              href={`#${operation.id}`}
              className="flex flex-col gap-1 px-4 py-2.5 hover:bg-accent sm:flex-row sm:items-center sm:gap-3"
            >
              <span className="flex min-w-0 items-center gap-2">
                <MethodBadge method={operation.method} />
                <code className="min-w-0 break-all font-mono text-xs sm:text-sm">
                  {operation.path}
                </code>
              </span>
              <span className="text-muted-foreground sm:ml-auto sm:text-right">
                {operation.summary}
              </span>
            </a>
          </li>
        )),
      )}
    </ul>
  );
}

/** The whole API reference page, rendered from the generated OpenAPI document. */
export function ApiReference({
  reference,
  requestsPerMinute,
}: {
  reference: Reference;
  requestsPerMinute: number;
}) {
  return (
    <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:py-12 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      <Sidebar reference={reference} />
      <div className="flex min-w-0 flex-col gap-12">
        <header className="flex flex-col gap-4">
          <p className="text-sm font-medium text-primary">Developers</p>
          <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            API reference
          </h1>
          <p className="max-w-3xl text-muted-foreground text-pretty sm:text-lg">
            Chat with any GPT from your own code through OpenAI&apos;s Chat Completions API, and
            manage your GPTs as code: create, edit, upload knowledge, publish, restore, export and
            import. Base URL:{" "}
            <code className="break-all font-mono text-foreground">{reference.baseUrl}</code>
          </p>
          <div>
            <Button asChild variant="outline" size="sm">
              <a href="/api/v1/openapi.json">
                <FileJson aria-hidden="true" />
                OpenAPI 3.1 document
              </a>
            </Button>
          </div>
        </header>

        <section aria-labelledby="quick-start" className="flex flex-col gap-4">
          <h2 id="quick-start" className="scroll-mt-20 text-2xl font-semibold tracking-tight">
            Quick start
          </h2>
          <p className="max-w-3xl text-muted-foreground">
            Point any OpenAI client at the base URL with your key, and use a GPT&apos;s slug as the
            model: it is in the GPT&apos;s address, and{" "}
            <code className="font-mono text-foreground">GET /models</code> lists the GPTs you can
            use.
          </p>
          <QuickStart baseUrl={reference.baseUrl} />
        </section>

        <ApiBasics requestsPerMinute={requestsPerMinute} />

        <section aria-labelledby="endpoints" className="flex flex-col gap-4">
          <h2 id="endpoints" className="scroll-mt-20 text-2xl font-semibold tracking-tight">
            Endpoints
          </h2>
          <EndpointIndex reference={reference} />
        </section>

        {reference.groups.map((group) => (
          <section key={group.tag} aria-labelledby={`group-${group.tag}`}>
            <div className="border-b pb-4">
              <h2
                id={`group-${group.tag}`}
                className="scroll-mt-20 text-2xl font-semibold tracking-tight"
              >
                {group.tag}
              </h2>
              {group.description ? (
                <p className="mt-1 text-muted-foreground">{group.description}</p>
              ) : null}
            </div>
            {group.operations.map((operation) => (
              <OperationSection key={operation.id} operation={operation} />
            ))}
          </section>
        ))}
      </div>
    </main>
  );
}
