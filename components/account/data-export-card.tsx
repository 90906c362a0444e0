"use client";

import { Download } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useDownloadData } from "@/lib/accounts/data-hooks";

const INCLUDED = [
  "Your account and creator profile, settings and notifications",
  "Every conversation, with each message, its time and the GPT that answered",
  "Your GPTs: the draft, every published version, knowledge file details and actions (without keys or secrets)",
  "The reviews you wrote and the reports you filed",
  "A monthly summary of your usage",
];

/** Settings → Your data: download a zip of JSON files with everything the account holds. */
export function DataExportCard() {
  const download = useDownloadData();

  return (
    <section
      aria-labelledby="data-export-heading"
      className="grid gap-4 rounded-xl border bg-card p-4 sm:p-6"
    >
      <div className="grid gap-1">
        <h2 id="data-export-heading" className="font-semibold">
          Download your data
        </h2>
        <p className="text-sm text-muted-foreground">
          A zip file of JSON documents you can open in any text editor or import elsewhere. It
          includes:
        </p>
      </div>
      <ul className="grid list-disc gap-1 pl-5 text-sm">
        {INCLUDED.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p className="text-sm text-muted-foreground">
        The knowledge files themselves are not in it: to keep a GPT with its files, use Export… in
        the GPT’s editor.
      </p>
      {download.isError ? (
        <p role="alert" className="text-sm text-destructive">
          {download.error.message}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="button"
          isLoading={download.isPending}
          disabled={download.isPending}
          onClick={() =>
            download.mutate(undefined, {
              onSuccess: ({ fileName }) => toast.success(`Downloaded ${fileName}.`),
            })
          }
        >
          {download.isPending ? null : <Download aria-hidden />}
          {download.isPending ? "Preparing your data…" : "Download your data"}
        </Button>
        <p role="status" className="text-sm text-muted-foreground">
          {download.isPending
            ? "Collecting your conversations and GPTs. This can take a moment."
            : ""}
        </p>
      </div>
    </section>
  );
}
