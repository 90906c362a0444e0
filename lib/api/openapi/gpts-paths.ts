import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { gptPackageSchema } from "../../gpts/package/package-schema";
import {
  createGptBodySchema,
  exportQuerySchema,
  gptIdParamsSchema,
  gptListSchema,
  gptSchema,
  importResultSchema,
  knowledgeFileListSchema,
  knowledgeFileSchema,
  listGptsQuerySchema,
  publishGptBodySchema,
  publishResultSchema,
  restoreResultSchema,
  restoreVersionBodySchema,
  updateGptDraftBodySchema,
  versionListSchema,
  versionParamsSchema,
} from "../management/schemas";
import { errorResponses, jsonBody, jsonResponse, requiresScope, uploadedFile } from "./shared";

const packageSchema = gptPackageSchema.meta({
  id: "GptPackage",
  description: "A GPT package (format atelier.gpt, version 1): see the GPT package reference.",
});
const byId = { requestParams: { path: gptIdParamsSchema } };

/** The management API: the same domain functions as the editor, for GPTs as code. */
export const gptsPaths: ZodOpenApiPathsObject = {
  "/gpts": {
    get: {
      operationId: "listGpts",
      tags: ["GPTs"],
      summary: "List your GPTs",
      description: "Your GPTs, newest first, a page at a time.",
      ...requiresScope("gpts:read"),
      requestParams: { query: listGptsQuerySchema },
      responses: { 200: jsonResponse(gptListSchema, "A page of GPTs."), ...errorResponses(400) },
    },
    post: {
      operationId: "createGpt",
      tags: ["GPTs"],
      summary: "Create a GPT",
      description: "Creates a private, unpublished draft owned by you.",
      ...requiresScope("gpts:write"),
      requestBody: jsonBody(createGptBodySchema, {
        name: "Tide Guide",
        description: "Explains the tides of any coast.",
        instructions: "You explain tides simply, with one example from a real harbour.",
        conversationStarters: ["Why are there two tides a day?"],
      }),
      responses: { 201: jsonResponse(gptSchema, "The new GPT."), ...errorResponses(400) },
    },
  },
  "/gpts/{id}": {
    get: {
      operationId: "getGpt",
      tags: ["GPTs"],
      summary: "Read a GPT",
      description: "The draft configuration (instructions included) and the published version.",
      ...requiresScope("gpts:read"),
      ...byId,
      responses: { 200: jsonResponse(gptSchema, "The GPT."), ...errorResponses(404) },
    },
    patch: {
      operationId: "updateGptDraft",
      tags: ["GPTs"],
      summary: "Update the draft",
      description:
        "Changes the fields you send; the others keep their values. Users keep talking to the published version until you publish again.",
      ...requiresScope("gpts:write"),
      ...byId,
      requestBody: jsonBody(updateGptDraftBodySchema, {
        instructions: "You explain tides like a friendly harbour master.",
        revision: 3,
      }),
      responses: {
        200: jsonResponse(gptSchema, "The GPT after the update."),
        ...errorResponses(400, 404, 409),
      },
    },
  },
  "/gpts/{id}/knowledge": {
    get: {
      operationId: "listKnowledgeFiles",
      tags: ["Knowledge"],
      summary: "List knowledge files",
      description:
        "The draft's files (and files only the published version still uses), oldest first, with their processing status.",
      ...requiresScope("gpts:read"),
      ...byId,
      responses: {
        200: jsonResponse(knowledgeFileListSchema, "The files, limits and usage."),
        ...errorResponses(404),
      },
    },
    post: {
      operationId: "uploadKnowledgeFile",
      tags: ["Knowledge"],
      summary: "Upload a knowledge file",
      description:
        "Adds one file to the draft (PDF, Word, text, Markdown, HTML, CSV, JSON or code; the type is read from the content). It is QUEUED, then processed in the background: poll the list until it is READY (or FAILED, with `error`). Publish to make it live.",
      ...requiresScope("gpts:write"),
      ...byId,
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: z.object({ file: uploadedFile }),
            example: { file: "@tide-tables.pdf" },
          },
        },
      },
      responses: {
        201: jsonResponse(knowledgeFileSchema, "The file, QUEUED."),
        ...errorResponses(400, 404, 413),
      },
    },
  },
  "/gpts/{id}/publish": {
    post: {
      operationId: "publishGpt",
      tags: ["Versions"],
      summary: "Publish the draft",
      description:
        "Makes the saved draft the next version. READY knowledge files go live with it; files still processing or failed are left out (counted in the result).",
      ...requiresScope("gpts:write"),
      ...byId,
      requestBody: jsonBody(publishGptBodySchema, {
        visibility: "LINK",
        releaseNote: "Adds the tide tables.",
      }),
      responses: {
        200: jsonResponse(publishResultSchema, "The new version."),
        ...errorResponses(400, 404),
      },
    },
  },
  "/gpts/{id}/versions": {
    get: {
      operationId: "listGptVersions",
      tags: ["Versions"],
      summary: "List versions",
      description: "Every published version, newest first.",
      ...requiresScope("gpts:read"),
      ...byId,
      responses: { 200: jsonResponse(versionListSchema, "The versions."), ...errorResponses(404) },
    },
  },
  "/gpts/{id}/versions/{number}/restore": {
    post: {
      operationId: "restoreGptVersion",
      tags: ["Versions"],
      summary: "Restore a version to the draft",
      description:
        "Copies a version's configuration, knowledge files and actions into the draft. Nothing changes for users until you publish.",
      ...requiresScope("gpts:write"),
      requestParams: { path: versionParamsSchema },
      requestBody: jsonBody(restoreVersionBodySchema, { revision: 4 }),
      responses: {
        200: jsonResponse(restoreResultSchema, "The draft's new revision."),
        ...errorResponses(400, 404, 409),
      },
    },
  },
  "/gpts/{id}/export": {
    get: {
      operationId: "exportGpt",
      tags: ["Packages"],
      summary: "Export a package",
      description:
        "The GPT as a portable package, without credentials. The JSON form lists the knowledge files; the zip form carries them too.",
      ...requiresScope("gpts:read"),
      requestParams: { path: gptIdParamsSchema, query: exportQuerySchema },
      responses: {
        200: {
          description: "The package (sent as a download).",
          content: {
            "application/json": { schema: packageSchema },
            "application/zip": { schema: uploadedFile },
          },
        },
        ...errorResponses(400, 404),
      },
    },
  },
  "/gpts/import": {
    post: {
      operationId: "importGpt",
      tags: ["Packages"],
      summary: "Import a package",
      description:
        "Creates a private draft from a package: the document as a JSON body, or a .json or .zip file as multipart `file`. What this instance cannot honour becomes a warning.",
      ...requiresScope("gpts:write"),
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: packageSchema },
          "multipart/form-data": {
            schema: z.object({ file: uploadedFile }),
            example: { file: "@tide-guide.atelier-gpt.zip" },
          },
        },
      },
      responses: {
        201: jsonResponse(importResultSchema, "The new GPT."),
        ...errorResponses(400, 413),
      },
    },
  },
};
