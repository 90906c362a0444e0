"use client";

import { useMutation } from "@tanstack/react-query";
import { requestJson } from "../admin/api-client";
import { fetchDataExport, saveFile } from "./data-api-client";
import type { DeleteAccountInput } from "./data-schemas";

/** Prepares the data export and saves it as a download once it is ready. */
export function useDownloadData() {
  return useMutation({
    mutationFn: async () => {
      const file = await fetchDataExport();
      saveFile(file);
      return { fileName: file.fileName };
    },
  });
}

export function useDeleteAccount() {
  return useMutation({
    mutationFn: (input: DeleteAccountInput) =>
      requestJson<{ ok: true }>("/api/me/account", { method: "DELETE", body: input }),
  });
}
