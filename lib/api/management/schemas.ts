import { z } from "zod";
import { CAPABILITY_KEYS } from "../../gpts/capabilities";
import { publishGptSchema } from "../../gpts/schemas";
import { restoreGptVersionSchema } from "../../gpts/version-schemas";
import { KNOWLEDGE_KINDS } from "../../knowledge/types";
import { createGptBodySchema, describedDraftShape } from "./draft-schemas";

/**
 * The management API's wire format (/api/v1/gpts…). Request bodies are the UI's own schemas
 * (lib/gpts/schemas.ts, lib/gpts/version-schemas.ts) with descriptions attached for the OpenAPI
 * document; responses are plain shapes without the inputs' refinements, so a value stored under
 * older rules still reads back instead of failing validation. Routes parse what they send through
 * these (./respond.ts): the document and the wire cannot drift apart. Browser-safe.
 */

const isoDate = () => z.iso.datetime();
const visibility = z.enum(["PRIVATE", "LINK", "PUBLIC"]).meta({
  description: "PRIVATE: only you; LINK: anyone with the link; PUBLIC: listed in the store.",
});
const gptStatus = z.enum(["ACTIVE", "UNLISTED", "REMOVED", "IN_REVIEW", "REJECTED"]).meta({
  description:
    "ACTIVE as you set it; UNLISTED or REMOVED by a moderator; IN_REVIEW or REJECTED: a public listing's moderation.",
});
const publishedVersion = z
  .object({ number: z.int().positive(), createdAt: isoDate() })
  .nullable()
  .meta({ description: "The version users talk to; null until the first publish." });

export { createGptBodySchema };

/** PATCH body: any draft fields (the rest keep their values) and, optionally, the revision read. */
export const updateGptDraftBodySchema = z
  .object(describedDraftShape)
  .partial()
  .extend({
    revision: z.int().positive().optional().meta({
      description:
        "The `revision` you read. When it is no longer current (the draft changed since), the update fails with 409 instead of overwriting; omit it to overwrite.",
    }),
  })
  .meta({
    id: "GptDraftUpdate",
    description:
      "Fields to change in the draft; omitted fields keep their values. Users keep talking to the published version until you publish again.",
  });

export const publishGptBodySchema = publishGptSchema.meta({
  id: "PublishRequest",
  description:
    "Snapshots the saved draft (with its READY knowledge files and its actions) as the next version, which users then talk to. PUBLIC needs a builder profile and may wait for review.",
});

export const restoreVersionBodySchema = restoreGptVersionSchema.partial().meta({
  id: "RestoreRequest",
  description:
    "Copies the version into the draft (not published until you publish). `revision` guards against overwriting newer changes, as for a draft update.",
});

export const listGptsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).meta({
    description: "How many GPTs per page (1-100).",
  }),
  cursor: z.string().min(1).max(64).optional().meta({
    description: "`nextCursor` of the previous page.",
  }),
});

export const exportQuerySchema = z.object({
  source: z.enum(["draft", "published"]).default("draft").meta({
    description: "The saved draft, or the published version.",
  }),
  format: z.enum(["json", "zip"]).default("json").meta({
    description: "json: the package document (lists knowledge files); zip: it plus the files.",
  }),
});

export const gptIdParamsSchema = z.object({
  id: z.string().meta({ description: "The GPT's id." }),
});

export const versionParamsSchema = gptIdParamsSchema.extend({
  number: z.string().regex(/^\d+$/).meta({ description: "The version number (1, 2, …)." }),
});

export const gptSummarySchema = z
  .object({
    id: z.string(),
    slug: z.string().meta({ description: "Also the `model` name for /chat/completions." }),
    name: z.string(),
    description: z.string(),
    visibility,
    status: gptStatus,
    publishedVersion,
    createdAt: isoDate(),
    updatedAt: isoDate(),
  })
  .meta({ id: "GptSummary" });

export const gptListSchema = z
  .object({
    data: z.array(gptSummarySchema),
    nextCursor: z.string().nullable().meta({
      description: "Pass as `cursor` for the next page; null on the last page.",
    }),
  })
  .meta({ id: "GptList", description: "Your GPTs, newest first (deleted ones left out)." });

export const gptSchema = z
  .object({
    id: z.string(),
    slug: z.string().meta({ description: "Also the `model` name for /chat/completions." }),
    revision: z.int().positive().meta({ description: "Changes on every draft save." }),
    visibility,
    status: gptStatus,
    name: z.string(),
    description: z.string(),
    instructions: z.string(),
    conversationStarters: z.array(z.string()),
    modelConfigId: z.string().nullable(),
    categoryId: z.string().nullable(),
    avatarKey: z.string().nullable(),
    avatarColor: z.string().nullable(),
    temperature: z.number().nullable(),
    capabilities: z.array(z.string()).meta({ description: CAPABILITY_KEYS.join(", ") }),
    knowledgeTopK: z.int(),
    knowledgeMinScore: z.number(),
    hideKnowledgeSources: z.boolean(),
    knowledgeOnly: z.boolean(),
    allowRemix: z.boolean(),
    allowKnowledgeRemix: z.boolean(),
    publishedVersion,
    hasUnpublishedChanges: z.boolean().meta({
      description:
        "The draft (fields, READY knowledge files or actions) differs from the published version.",
    }),
  })
  .meta({ id: "Gpt", description: "A GPT's draft configuration and its published version." });

export const knowledgeFileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(KNOWLEDGE_KINDS),
    sizeBytes: z.int(),
    status: z.enum(["QUEUED", "PROCESSING", "READY", "FAILED"]).meta({
      description: "Processing runs in the background; only READY files are used and published.",
    }),
    progress: z.int().min(0).max(100),
    error: z.string().nullable().meta({ description: "Why processing FAILED." }),
    chunkCount: z.int(),
    tokenCount: z.int(),
    pageCount: z.int().nullable(),
    isLive: z.boolean().meta({ description: "Used by the published version." }),
    inDraft: z.boolean().meta({
      description: "Still in the draft (false: removed, kept until the next publish).",
    }),
    createdAt: isoDate(),
  })
  .meta({ id: "KnowledgeFile" });

export const knowledgeFileListSchema = z
  .object({
    data: z.array(knowledgeFileSchema),
    limits: z.object({
      maxFilesPerGpt: z.int(),
      maxFileBytes: z.int(),
      maxTokensPerFile: z.int(),
      maxBytesPerCreator: z.int(),
    }),
    usage: z.object({
      files: z.int().meta({ description: "Files in this GPT's draft." }),
      creatorBytes: z.int().meta({ description: "Bytes of all your knowledge files." }),
    }),
  })
  .meta({ id: "KnowledgeFileList" });

export const publishResultSchema = z
  .object({
    versionId: z.string(),
    number: z.int().positive(),
    slug: z.string(),
    visibility,
    knowledgeFileCount: z.int().meta({ description: "READY files in the new version." }),
    knowledgeFilesProcessing: z.int().meta({
      description: "Files still processing, left out of this version.",
    }),
    knowledgeFilesFailed: z.int().meta({ description: "Failed files, left out." }),
    listing: z
      .object({
        status: z.enum(["LISTED", "IN_REVIEW", "UNLISTED"]),
        findings: z.array(z.string()),
      })
      .nullable()
      .meta({ description: "PUBLIC only: listed now, or waiting for a moderator and why." }),
  })
  .meta({ id: "PublishResult" });

export const versionListSchema = z
  .object({
    data: z.array(
      z
        .object({
          number: z.int().positive(),
          createdAt: isoDate(),
          releaseNote: z.string().nullable(),
          isPublished: z.boolean().meta({ description: "The version users talk to now." }),
        })
        .meta({ id: "GptVersion" }),
    ),
  })
  .meta({ id: "GptVersionList", description: "Newest first." });

export const restoreResultSchema = z
  .object({
    revision: z.int().positive(),
    matchesPublished: z.boolean().meta({
      description: "The draft now equals the published version.",
    }),
  })
  .meta({ id: "RestoreResult" });

export const importResultSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    warnings: z.array(z.string()).meta({
      description: "What this instance could not honour (unknown model or category, …).",
    }),
  })
  .meta({ id: "ImportResult" });

/** OpenAI's error body, which every /api/v1 error uses (lib/api/api-route.ts). */
export const apiErrorSchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string().meta({
        description:
          "invalid_request_error, authentication_error, permission_error, rate_limit_error, insufficient_quota or server_error.",
      }),
      param: z.string().nullable().meta({ description: "The request field at fault, if any." }),
      code: z.string().nullable(),
    }),
  })
  .meta({ id: "Error" });
