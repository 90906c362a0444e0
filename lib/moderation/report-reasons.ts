import type { ReportReason } from "../generated/prisma/enums";

/** The reasons a user picks from, in the order the report dialog lists them. */
export const REPORT_REASONS = [
  { value: "SPAM", label: "Spam or scam" },
  { value: "IMPERSONATION", label: "Impersonation or clone" },
  { value: "COPYRIGHT", label: "Copyright" },
  { value: "SEXUAL_CONTENT", label: "Sexual content" },
  { value: "HATE_OR_HARASSMENT", label: "Hate or harassment" },
  { value: "VIOLENCE_OR_SELF_HARM", label: "Violence or self-harm" },
  { value: "ILLEGAL_ACTIVITY", label: "Illegal activity" },
  { value: "PRIVACY", label: "Privacy violation" },
  { value: "MISLEADING", label: "Misleading" },
  { value: "OTHER", label: "Other" },
] as const satisfies readonly { value: ReportReason; label: string }[];

export const REPORT_REASON_VALUES = REPORT_REASONS.map((reason) => reason.value) as [
  ReportReason,
  ...ReportReason[],
];

export function reportReasonLabel(reason: ReportReason): string {
  return REPORT_REASONS.find((entry) => entry.value === reason)?.label ?? reason;
}
