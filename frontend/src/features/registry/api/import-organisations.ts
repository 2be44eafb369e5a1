import { useMutation, useQueryClient } from "@tanstack/react-query";

import type { components } from "@/api/schema";
import { api, unwrap } from "@/lib/api-client";

export type ImportReport = components["schemas"]["ImportReport"];
export type ImportRow = ImportReport["rows"][number];

type ImportInput = { file: File; dryRun: boolean };

/** Sends a CSV of organisations; a dry run checks every row and writes nothing. */
export function importOrganisations({ file, dryRun }: ImportInput): Promise<ImportReport> {
  return unwrap(
    api.POST("/api/intelligence/organisations/import", {
      params: { query: { dry_run: dryRun } },
      // multipart/form-data: the browser sets the boundary
      body: { file: file as unknown as string },
      bodySerializer: () => {
        const form = new FormData();
        form.append("file", file, file.name);
        return form;
      },
    }),
  );
}

export function useImportOrganisations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importOrganisations,
    onSuccess: (report) => {
      if (report.dry_run) return;
      void queryClient.invalidateQueries({ queryKey: ["registry", "search"] });
      void queryClient.invalidateQueries({ queryKey: ["registry", "imports"] });
    },
  });
}
