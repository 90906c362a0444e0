import Link from "next/link";
import { CodeBlock } from "@/components/ui/code-block";
import { ERROR_DESCRIPTIONS } from "@/lib/api/openapi/shared";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES } from "@/lib/api-keys/schemas";
import { InlineCode } from "./inline-code";

const ERROR_SAMPLE = `{
  "error": {
    "message": "Invalid 'name': Give your GPT a name.",
    "type": "invalid_request_error",
    "param": "name",
    "code": "bad_request"
  }
}`;

function SectionHeading({ id, children }: { id: string; children: string }) {
  return (
    <h2 id={id} className="scroll-mt-20 text-2xl font-semibold tracking-tight">
      {children}
    </h2>
  );
}

/** Keys and scopes, rate limits and errors: what every operation below shares. */
export function ApiBasics({ requestsPerMinute }: { requestsPerMinute: number }) {
  return (
    <>
      <section aria-labelledby="authentication" className="flex flex-col gap-4">
        <SectionHeading id="authentication">Authentication</SectionHeading>
        <p className="max-w-3xl text-muted-foreground">
          Create a key under{" "}
          <Link
            href="/settings/api-keys"
            className="font-medium text-foreground underline underline-offset-4"
          >
            Settings → API keys
          </Link>{" "}
          with the scopes it needs. It is shown once: keep it secret, like a password. Send it with
          every request as a bearer token. Your plan decides whether API access is included.
        </p>
        <CodeBlock code={"Authorization: Bearer atl_…"} language="http" className="my-0" />
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API key scopes</caption>
            <thead className="bg-muted/50 text-xs uppercase tracking-wide text-muted-foreground">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">
                  Scope
                </th>
                <th scope="col" className="px-4 py-2 font-medium">
                  Allows
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {API_KEY_SCOPES.map((scope) => (
                <tr key={scope}>
                  <td className="whitespace-nowrap px-4 py-2 font-mono">{scope}</td>
                  <td className="px-4 py-2 text-muted-foreground">
                    <InlineCode text={API_KEY_SCOPE_LABELS[scope].description} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="rate-limits" className="flex flex-col gap-4">
        <SectionHeading id="rate-limits">Rate limits and usage</SectionHeading>
        <ul className="grid max-w-3xl list-disc gap-2 pl-5 text-muted-foreground">
          <li>
            Each key may make {requestsPerMinute} requests per minute. Over that, requests get{" "}
            <code className="font-mono text-foreground">429</code> with a{" "}
            <code className="font-mono text-foreground">Retry-After</code> header (seconds).
          </li>
          <li>
            Chat completions count against your plan&apos;s allowance and credits, like chats in the
            store. When they run out, requests get{" "}
            <code className="font-mono text-foreground">429</code> with the code{" "}
            <code className="font-mono text-foreground">insufficient_quota</code>.
          </li>
          <li>Knowledge uploads share the editor&apos;s upload budget and file limits.</li>
        </ul>
      </section>

      <section aria-labelledby="errors" className="flex flex-col gap-4">
        <SectionHeading id="errors">Errors</SectionHeading>
        <p className="max-w-3xl text-muted-foreground">
          Errors use OpenAI&apos;s shape, so the official clients raise the matching error classes.{" "}
          <code className="font-mono text-foreground">param</code> names the field at fault.
        </p>
        <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-2">
          <CodeBlock code={ERROR_SAMPLE} language="json" className="my-0" />
          <dl className="divide-y rounded-lg border text-sm">
            {Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => (
              <div key={status} className="flex gap-4 px-4 py-2">
                <dt className="w-10 shrink-0 font-mono font-medium">{status}</dt>
                <dd className="text-muted-foreground">
                  <InlineCode text={description} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
    </>
  );
}
