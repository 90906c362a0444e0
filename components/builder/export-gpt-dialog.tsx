"use client";

import { Download, FileArchive, FileJson, type LucideIcon, ShieldCheck } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { useGptExportState } from "@/lib/gpts/hooks";
import {
  type GptPackageFormatOption,
  type GptPackageSourceOption,
  gptExportUrl,
} from "@/lib/gpts/package/package-requests";

type ExportGptDialogProps = {
  gptId: string;
  gptName: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
};

/** Downloads the GPT as a package (docs/gpt-package.md): the saved draft or the published version. */
export function ExportGptDialog({ gptId, gptName, open, onOpenChange }: ExportGptDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {/* Content unmounts on close, so every opening starts from the defaults. */}
      <DialogContent className="sm:max-w-lg">
        <ExportGptDialogBody gptId={gptId} gptName={gptName} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ExportGptDialogBody({
  gptId,
  gptName,
  onDone,
}: {
  gptId: string;
  gptName: string;
  onDone: () => void;
}) {
  const [source, setSource] = useState<GptPackageSourceOption>("draft");
  const [format, setFormat] = useState<GptPackageFormatOption>("json");
  const state = useGptExportState(gptId, { enabled: true });
  const published = state.data?.publishedVersion ?? null;
  const publishedReason = state.isPending
    ? "Checking for a published version…"
    : state.isError
      ? "Couldn’t check for a published version. Close and try again."
      : published
        ? `Version ${published.number}, as people see it now.`
        : "Not published yet. Publish the GPT first to export it.";

  return (
    <div className="grid gap-5">
      <DialogHeader>
        <DialogTitle>Export {gptName ? `“${gptName}”` : "this GPT"}</DialogTitle>
        <DialogDescription>
          Download a GPT package to keep a backup, or to import it as a new draft here or on another
          Atelier server.
        </DialogDescription>
      </DialogHeader>

      <ChoiceGroup legend="What to export">
        <Choice
          name="export-source"
          value="draft"
          title="Draft"
          description="Your last saved draft, with any unpublished changes."
          checked={source === "draft"}
          onSelect={() => setSource("draft")}
        />
        <Choice
          name="export-source"
          value="published"
          title={published ? `Published version (v${published.number})` : "Published version"}
          description={publishedReason}
          checked={source === "published"}
          isDisabled={!published}
          onSelect={() => setSource("published")}
        />
      </ChoiceGroup>

      <ChoiceGroup legend="File type">
        <Choice
          name="export-format"
          value="json"
          icon={FileJson}
          title="JSON"
          description="One readable file: the configuration and the picture."
          checked={format === "json"}
          onSelect={() => setFormat("json")}
        />
        <Choice
          name="export-format"
          value="zip"
          icon={FileArchive}
          title="ZIP, including knowledge files"
          description="The same JSON plus the GPT’s knowledge files."
          checked={format === "zip"}
          onSelect={() => setFormat("zip")}
        />
      </ChoiceGroup>

      <Alert variant="info" hasIcon={false} className="grid-cols-1">
        <AlertTitle className="col-start-1 flex items-center gap-2">
          <ShieldCheck aria-hidden="true" className="size-4 text-primary" />
          What’s in the file
        </AlertTitle>
        <AlertDescription className="col-start-1">
          <p>
            Name, description, instructions, starters, picture, category, model, temperature and
            capabilities. Instructions are included, so share the file only with people you’d show
            them to.
          </p>
          <p>
            Never included: API keys or other action credentials, conversations, reviews, stats or
            sharing settings.
          </p>
        </AlertDescription>
      </Alert>

      <DialogFooter>
        <DialogClose asChild>
          <Button type="button" variant="outline">
            Cancel
          </Button>
        </DialogClose>
        <Button asChild>
          {/* A plain link: the browser streams the file to disk; the route sends it as an attachment. */}
          <a download href={gptExportUrl({ gptId, source, format })} onClick={onDone}>
            <Download aria-hidden="true" />
            Download
          </a>
        </Button>
      </DialogFooter>
    </div>
  );
}

function ChoiceGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-2 sm:grid-cols-2">
      <legend className="mb-2 text-sm font-medium">{legend}</legend>
      {children}
    </fieldset>
  );
}

function Choice({
  name,
  value,
  title,
  description,
  icon: Icon,
  checked,
  isDisabled = false,
  onSelect,
}: {
  name: string;
  value: string;
  title: string;
  description: string;
  icon?: LucideIcon;
  checked: boolean;
  isDisabled?: boolean;
  onSelect: () => void;
}) {
  const id = useId();
  return (
    <label
      data-disabled={isDisabled || undefined}
      className="flex cursor-pointer items-start gap-3 rounded-lg border p-3 transition-colors hover:bg-accent/60 has-[:checked]:border-primary has-[:checked]:bg-primary/5 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring data-[disabled]:cursor-not-allowed data-[disabled]:bg-muted/40 data-[disabled]:hover:bg-muted/40"
    >
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        disabled={isDisabled}
        onChange={onSelect}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-primary focus-visible:outline-none disabled:cursor-not-allowed"
      />
      <span className="grid min-w-0 gap-0.5">
        <span id={`${id}-title`} className="flex items-center gap-1.5 text-sm font-medium">
          {Icon ? <Icon aria-hidden="true" className="size-4 text-muted-foreground" /> : null}
          {title}
        </span>
        <span id={`${id}-description`} className="text-sm text-muted-foreground">
          {description}
        </span>
      </span>
    </label>
  );
}
