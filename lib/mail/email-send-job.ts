import "server-only";
import type { JobDefinition } from "../jobs/job-types";
import type { JobPayloads } from "../jobs/queues";
import { deliverEmail, MAX_EMAIL_ATTEMPTS } from "./deliver-email";
import { recoverQueuedEmails } from "./recover-queued-emails";

/**
 * Delivers one OutboundEmail over SMTP (deliver-email.ts). `exclusive` + singleton key = email id:
 * one queued-or-running job per mail. A failed delivery throws and pg-boss retries it with
 * doubling, jittered delays from 30 s up to 10 minutes (five retries over roughly 15 to 25 minutes:
 * long enough for a relay to come back, short enough for a reset link to still be useful); the last
 * attempt records FAILED instead.
 */
export const emailSendJob: JobDefinition<JobPayloads["email-send"]> = {
  name: "email-send",
  queue: {
    policy: "exclusive",
    retryLimit: MAX_EMAIL_ATTEMPTS - 1,
    retryDelay: 30,
    retryBackoff: true,
    retryDelayMax: 600,
    // Longer than nodemailer's timeouts (smtp.ts): an expired job is redelivered to a new run.
    expireInSeconds: 5 * 60,
  },
  singletonKeyOf: (data) => data.emailId,
  handle: async (data, context) => {
    await deliverEmail(data.emailId, context);
  },
  recover: async (tools) => {
    await recoverQueuedEmails(tools);
  },
};
