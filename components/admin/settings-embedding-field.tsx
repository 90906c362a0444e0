import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { PublicModelConfig } from "@/lib/models/schemas";

/**
 * The embedding model for knowledge vectors: only models of kind EMBEDDING, or none (lexical
 * search only). A disabled model stays listed only while it is the saved choice, so the form
 * shows the truth; the server refuses to save a disabled one.
 */
export function SettingsEmbeddingField({
  value,
  models,
  error,
  onChange,
}: {
  value: string | null;
  /** Every configured model; only EMBEDDING ones are offered. */
  models: PublicModelConfig[];
  error?: string;
  onChange: (value: string | null) => void;
}) {
  const embeddingModels = models.filter((model) => model.kind === "EMBEDDING");
  const isUnknown = value !== null && !embeddingModels.some((model) => model.id === value);
  return (
    <Field
      id="settings-embeddingModelConfigId"
      label="Embedding model"
      error={error}
      description={
        <>
          Knowledge search combines word matches with meaning when a model is set (hybrid), and
          matches words only without one. Changing the model re-embeds knowledge files on their next
          ingestion.{" "}
          {embeddingModels.length === 0 ? (
            <>
              No embedding model is configured yet:{" "}
              <Link href="/admin/models" className="font-medium underline underline-offset-4">
                add one with kind Embedding
              </Link>
              .
            </>
          ) : null}
        </>
      }
    >
      <Select
        name="embeddingModelConfigId"
        value={value ?? ""}
        containerClassName="sm:max-w-md"
        onChange={(event) => onChange(event.target.value || null)}
      >
        <option value="">None: lexical search only</option>
        {isUnknown ? <option value={value}>Unavailable model</option> : null}
        {embeddingModels.map((model) => (
          <option key={model.id} value={model.id} disabled={!model.isEnabled && model.id !== value}>
            {model.displayName} ({model.modelId}){model.isEnabled ? "" : " · disabled"}
          </option>
        ))}
      </Select>
    </Field>
  );
}
