import { z } from "zod";
import { ANALYTICS_RANGES, type AnalyticsRange } from "./types";

export const DEFAULT_ANALYTICS_RANGE: AnalyticsRange = 30;

const rangeSchema = z.coerce
  .number()
  .refine((value): value is AnalyticsRange => ANALYTICS_RANGES.includes(value as AnalyticsRange), {
    message: "The range must be 7, 30 or 90 days.",
  })
  .transform((value) => value as AnalyticsRange);

/**
 * The dashboard's query string: `?range=7|30|90&gptId=&format=json|csv`. An empty or missing
 * gptId means all of the creator's GPTs.
 */
export const analyticsQuerySchema = z.object({
  range: rangeSchema.default(DEFAULT_ANALYTICS_RANGE),
  gptId: z
    .string()
    .trim()
    .max(64)
    .optional()
    .transform((value) => value || null),
  format: z.enum(["json", "csv"]).default("json"),
});

export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

/** Parses URLSearchParams (or a page's searchParams object) into the query; throws ZodError. */
export function parseAnalyticsQuery(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): AnalyticsQuery {
  const read = (key: string): string | undefined => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  return analyticsQuerySchema.parse({
    range: read("range") || undefined,
    gptId: read("gptId"),
    format: read("format") || undefined,
  });
}

/** The API URL of a view (also the CSV download with format "csv"). */
export function analyticsApiUrl({
  range,
  gptId,
  format = "json",
}: {
  range: AnalyticsRange;
  gptId: string | null;
  format?: "json" | "csv";
}): string {
  const search = new URLSearchParams({ range: String(range) });
  if (gptId) search.set("gptId", gptId);
  if (format === "csv") search.set("format", "csv");
  return `/api/creator/analytics?${search}`;
}
