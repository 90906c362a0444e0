import { CopyButton } from "@/components/ui/copy-button";

const providers = [
  { name: "OpenAI", url: "https://api.openai.com/v1", note: "API key required" },
  { name: "Ollama", url: "http://localhost:11434/v1", note: "No key needed" },
  { name: "vLLM", url: "http://localhost:8000/v1", note: "Key if started with --api-key" },
  { name: "LM Studio", url: "http://localhost:1234/v1", note: "No key needed" },
  { name: "OpenRouter", url: "https://openrouter.ai/api/v1", note: "API key required" },
] as const;

/** Where to point a model: any server that speaks the OpenAI chat completions API works. */
export function ModelsHelp() {
  return (
    <aside
      aria-labelledby="models-help-heading"
      className="grid h-fit gap-4 rounded-xl border bg-card p-5 text-sm shadow-xs"
    >
      <div className="grid gap-1">
        <h2 id="models-help-heading" className="font-semibold">
          Any OpenAI-compatible server works
        </h2>
        <p className="text-muted-foreground">
          Set the base URL to the server&apos;s <code className="font-mono text-xs">/v1</code>{" "}
          endpoint and the model ID to the name it serves.
        </p>
      </div>
      <ul className="grid gap-3">
        {providers.map((provider) => (
          <li key={provider.name} className="grid gap-0.5">
            <div className="flex items-center justify-between gap-2">
              <span className="font-medium">{provider.name}</span>
              <span className="text-xs text-muted-foreground">{provider.note}</span>
            </div>
            <div className="flex items-center gap-1 rounded-md bg-muted/60 py-0.5 pr-0.5 pl-2">
              <code className="min-w-0 flex-1 truncate font-mono text-xs">{provider.url}</code>
              <CopyButton value={provider.url} label={`Copy the ${provider.name} base URL`} />
            </div>
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted-foreground">
        If Atelier runs in Docker, <code className="font-mono">localhost</code> is the container
        itself: use the host&apos;s address instead. Prices are what the provider charges you; they
        set the cost recorded for every reply.
      </p>
    </aside>
  );
}
