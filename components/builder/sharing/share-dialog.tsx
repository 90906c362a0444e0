"use client";

import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { EmbedSettingsPanel } from "./embed-settings-panel";
import { ShareLinkForm, type ShareLinkFormProps } from "./share-link-form";

type ShareDialogProps = ShareLinkFormProps & {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  gptName: string;
};

export function ShareDialog({ open, onOpenChange, gptName, ...props }: ShareDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {/* Content unmounts on close, so every opening starts from the current settings. */}
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Share {gptName ? `“${gptName}”` : "your GPT"}</DialogTitle>
          <DialogDescription>
            Changes apply right away, without publishing a new version.
          </DialogDescription>
        </DialogHeader>
        <Tabs defaultValue="link">
          <TabsList className="w-full">
            <TabsTrigger value="link">Link</TabsTrigger>
            <TabsTrigger value="embed">Embed on your site</TabsTrigger>
          </TabsList>
          {/* Mounted while hidden: switching tabs keeps unsaved edits. */}
          <TabsContent value="link" forceMount className="data-[state=inactive]:hidden">
            <ShareLinkForm {...props} />
          </TabsContent>
          <TabsContent value="embed" forceMount className="data-[state=inactive]:hidden">
            <EmbedSettingsPanel
              gptId={props.gptId}
              gptName={gptName}
              isPublished={props.isPublished}
            />
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}
