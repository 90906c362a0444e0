import { z } from "zod";
import type { ReportReason, ReportStatus } from "../generated/prisma/enums";
import type { GptStatus } from "../gpts/policy";
import { REPORT_REASON_VALUES } from "./report-reasons";

export const REPORT_LIMITS = { details: 1000 } as const;

export const reportInputSchema = z.object({
  reason: z.enum(REPORT_REASON_VALUES, { error: "Choose a reason for your report." }),
  details: z
    .string({ error: "Tell us what is wrong with this GPT." })
    .trim()
    .min(1, "Tell us what is wrong with this GPT.")
    .max(
      REPORT_LIMITS.details,
      `Keep the details under ${REPORT_LIMITS.details.toLocaleString("en-US")} characters.`,
    ),
});
export type ReportInput = z.input<typeof reportInputSchema>;

export const REPORT_ACTIONS = ["dismiss", "unlist", "remove"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export const resolveReportSchema = z.object({
  action: z.enum(REPORT_ACTIONS, { error: "Choose dismiss, unlist or remove." }),
});

export const reportQueueFilterSchema = z.enum(["open", "closed"]).catch("open");
export type ReportQueueFilter = z.infer<typeof reportQueueFilterSchema>;

export type AdminReportRow = {
  id: string;
  reason: ReportReason;
  reasonLabel: string;
  details: string;
  status: ReportStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedByName: string | null;
  reporter: { id: string; name: string | null; email: string };
  gpt: {
    id: string;
    slug: string;
    name: string;
    avatarUrl: string | null;
    avatarColor: string | null;
    status: GptStatus;
    creatorName: string;
    /** How many reports of this GPT are still open (all reporters). */
    openReportCount: number;
  };
};

export type AdminReportsPage = {
  reports: AdminReportRow[];
  filter: ReportQueueFilter;
  openCount: number;
  nextPage: number | null;
};
