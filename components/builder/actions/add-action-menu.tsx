"use client";

import { ChevronDown, FileJson, Plus, Server } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export type ActionKind = "openapi" | "mcp";

/** "Add action": describe an API with OpenAPI, or connect an MCP server. */
export function AddActionMenu({
  onSelect,
  isDisabled = false,
}: {
  onSelect: (kind: ActionKind) => void;
  isDisabled?: boolean;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button type="button" size="sm" disabled={isDisabled} data-testid="add-action">
          <Plus aria-hidden="true" />
          Add action
          <ChevronDown aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onSelect("openapi")}>
          <FileJson aria-hidden="true" />
          From OpenAPI
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onSelect("mcp")}>
          <Server aria-hidden="true" />
          Connect MCP server
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
