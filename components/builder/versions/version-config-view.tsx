import type { ReactNode } from "react";
import { GptAvatar } from "@/components/ui/gpt-avatar";
import { avatarUrl } from "@/lib/gpts/avatar/avatar-url";
import { capabilityLabel } from "@/lib/gpts/capabilities";
import { VERSIONED_FIELD_LABELS } from "@/lib/gpts/diff-configs";
import type { VersionDetail } from "@/lib/gpts/version-hooks";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b py-3 last:border-b-0 sm:grid-cols-[10rem_1fr] sm:gap-4">
      <dt className="text-sm font-medium text-muted-foreground">{label}</dt>
      <dd className="min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

function Empty({ children = "None" }: { children?: ReactNode }) {
  return <span className="text-muted-foreground italic">{children}</span>;
}

/** Every versioned field of one version, read-only. */
export function VersionConfigView({ version }: { version: VersionDetail }) {
  const { config, names } = version;
  const labels = VERSIONED_FIELD_LABELS;
  return (
    <dl data-testid="version-config">
      <Row label={labels.name}>
        <span className="flex items-center gap-2">
          <GptAvatar
            name={config.name}
            src={avatarUrl(config.avatarKey)}
            color={config.avatarColor}
            size="sm"
          />
          {config.name}
        </span>
      </Row>
      <Row label={labels.description}>{config.description || <Empty>No description</Empty>}</Row>
      <Row label={labels.instructions}>
        {config.instructions ? (
          <pre className="max-h-72 overflow-auto rounded-md border bg-muted/40 p-3 font-mono text-xs leading-5 whitespace-pre-wrap">
            {config.instructions}
          </pre>
        ) : (
          <Empty>No instructions</Empty>
        )}
      </Row>
      <Row label={labels.conversationStarters}>
        {config.conversationStarters.length > 0 ? (
          <ul className="grid list-disc gap-1 pl-4">
            {config.conversationStarters.map((starter, index) => (
              <li key={`${index}-${starter}`}>{starter}</li>
            ))}
          </ul>
        ) : (
          <Empty />
        )}
      </Row>
      <Row label={labels.categoryId}>
        {config.categoryId ? (
          (names.categories[config.categoryId] ?? <Empty>Deleted category</Empty>)
        ) : (
          <Empty>No category</Empty>
        )}
      </Row>
      <Row label={labels.modelConfigId}>
        {config.modelConfigId ? (
          (names.models[config.modelConfigId] ?? <Empty>Deleted model</Empty>)
        ) : (
          <Empty>Default model</Empty>
        )}
      </Row>
      <Row label={labels.avatarKey}>
        {config.avatarKey ? "Uploaded picture" : <Empty>Generated from initials</Empty>}
      </Row>
      <Row label={labels.avatarColor}>
        {config.avatarColor ? (
          <span className="inline-flex items-center gap-2">
            <span
              aria-hidden="true"
              className="size-4 rounded-full border"
              style={{ backgroundColor: config.avatarColor }}
            />
            {config.avatarColor}
          </span>
        ) : (
          <Empty>Automatic</Empty>
        )}
      </Row>
      <Row label={labels.temperature}>
        {config.temperature === null ? <Empty>Model default</Empty> : config.temperature}
      </Row>
      <Row label={labels.capabilities}>
        {config.capabilities.length > 0 ? (
          config.capabilities.map(capabilityLabel).join(", ")
        ) : (
          <Empty />
        )}
      </Row>
    </dl>
  );
}
