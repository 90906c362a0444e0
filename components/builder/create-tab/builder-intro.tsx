import { Sparkles } from "lucide-react";

export const BUILDER_EXAMPLE_PROMPTS = [
  "Make a hiking companion that plans day trips and packing lists",
  "Create a patient tutor that explains maths step by step",
  "Build a GPT that turns meeting notes into clear action items",
] as const;

/** The empty builder chat: what to do, and a few ideas to start from. */
export function BuilderIntro({
  onExample,
  isDisabled,
}: {
  onExample: (prompt: string) => void;
  isDisabled: boolean;
}) {
  return (
    <div className="flex flex-col items-center gap-3 pt-6 text-center sm:pt-10">
      <div className="flex size-12 items-center justify-center rounded-full bg-primary/10 text-primary">
        <Sparkles aria-hidden="true" className="size-6" />
      </div>
      <h3 className="text-lg font-semibold tracking-tight">Tell me what your GPT should do…</h3>
      <p className="max-w-md text-sm text-muted-foreground">
        The GPT Builder asks a few questions, then fills in the name, description, instructions,
        conversation starters and more for you. Every change shows up in Configure, and you can undo
        any of them.
      </p>
      <ul aria-label="Example prompts" className="mt-3 grid w-full max-w-md gap-2">
        {BUILDER_EXAMPLE_PROMPTS.map((prompt) => (
          <li key={prompt}>
            <button
              type="button"
              disabled={isDisabled}
              onClick={() => onExample(prompt)}
              className="w-full rounded-xl border bg-card px-4 py-3 text-left text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-60"
            >
              {prompt}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
