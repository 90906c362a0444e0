import "server-only";
import { strToU8, type Zippable, zipSync } from "fflate";
import type { Actor } from "../auth/session";
import { prisma } from "../db";
import { AppError } from "../errors";
import { consumeRateLimit } from "../security/rate-limit";
import {
  forEachConversation,
  gptsSection,
  profileSection,
  reportsSection,
  reviewsSection,
  usageSection,
} from "./data-export-sections";
import { dataExportFileName } from "./data-schemas";

/**
 * The uncompressed size an export may reach. The zip is built in memory (fflate, as the GPT
 * package export does): this bounds what one request can make the server hold.
 */
export const DATA_EXPORT_MAX_BYTES = 200 * 1024 * 1024;
const EXPORTS_PER_HOUR = 10;

const README = `Your data from Atelier
======================

profile.json        your account, creator profile, settings and notifications
conversations.json  your conversations with every message
gpts.json           your GPTs: draft, published versions, knowledge file details, actions
                    (actions are described without any key or secret)
reviews.json        the reviews you wrote
reports.json        the reports you filed
usage.json          a summary of the answers you received, by month

Dates are UTC (ISO 8601). Money is in micro-dollars (1,000,000 = 1 USD).
`;

export type DataExport = { fileName: string; bytes: Uint8Array };

function tooLarge(): never {
  throw new AppError(
    "limit_exceeded",
    "Your data is too large to download at once. Ask the administrator of this instance for a copy.",
  );
}

/** Pretty JSON as bytes, counted against the export's size cap. */
function jsonFile(value: unknown, budget: { left: number }): Uint8Array {
  const bytes = strToU8(`${JSON.stringify(value, null, 2)}\n`);
  budget.left -= bytes.byteLength;
  if (budget.left < 0) tooLarge();
  return bytes;
}

/** conversations.json, written one conversation at a time so the cap stops a huge history early. */
async function conversationsFile(userId: string, budget: { left: number }): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [strToU8("[\n")];
  let isFirst = true;
  await forEachConversation(userId, (conversation) => {
    const text = `${isFirst ? "" : ",\n"}${JSON.stringify(conversation, null, 2)}`;
    isFirst = false;
    const bytes = strToU8(text);
    budget.left -= bytes.byteLength;
    if (budget.left < 0) tooLarge();
    chunks.push(bytes);
  });
  chunks.push(strToU8("\n]\n"));
  const out = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * "Download my data": a zip of JSON files with everything the signed-in user put into Atelier or
 * that describes them, and nothing of anyone else's beyond the public names of the GPTs they
 * talked to. No secret of any kind (see data-export-sections.ts). Rate-limited, audit-logged.
 */
export async function exportAccountData({
  actor,
  now = new Date(),
}: {
  actor: Actor;
  now?: Date;
}): Promise<DataExport> {
  const limit = await consumeRateLimit({
    key: `data-export:${actor.id}`,
    limit: EXPORTS_PER_HOUR,
    windowSeconds: 60 * 60,
  });
  if (!limit.isAllowed) {
    throw new AppError(
      "rate_limited",
      "You have downloaded your data several times in the last hour. Please try again later.",
      undefined,
      { retryAfterSeconds: limit.retryAfterSeconds },
    );
  }
  const budget = { left: DATA_EXPORT_MAX_BYTES };
  const exportedAt = now.toISOString();
  const files: Zippable = {
    "README.txt": strToU8(README),
    "profile.json": jsonFile({ exportedAt, ...(await profileSection(actor.id)) }, budget),
    "conversations.json": await conversationsFile(actor.id, budget),
    "gpts.json": jsonFile(await gptsSection(actor.id), budget),
    "reviews.json": jsonFile(await reviewsSection(actor.id), budget),
    "reports.json": jsonFile(await reportsSection(actor.id), budget),
    "usage.json": jsonFile(await usageSection(actor.id), budget),
  };
  const bytes = zipSync(files, { level: 6, mtime: now });
  await prisma.auditLog.create({
    data: {
      actorId: actor.id,
      action: "account.data-export",
      targetType: "User",
      targetId: actor.id,
      data: { bytes: bytes.byteLength },
    },
  });
  return { fileName: dataExportFileName(now), bytes };
}
