import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as completions from "@/app/api/v1/chat/completions/route";
import * as exporting from "@/app/api/v1/gpts/[id]/export/route";
import * as knowledge from "@/app/api/v1/gpts/[id]/knowledge/route";
import * as publish from "@/app/api/v1/gpts/[id]/publish/route";
import * as gpt from "@/app/api/v1/gpts/[id]/route";
import * as restore from "@/app/api/v1/gpts/[id]/versions/[number]/restore/route";
import * as versions from "@/app/api/v1/gpts/[id]/versions/route";
import * as importing from "@/app/api/v1/gpts/import/route";
import * as gpts from "@/app/api/v1/gpts/route";
import {
  apiErrorSchema,
  gptListSchema,
  gptSchema,
  importResultSchema,
  knowledgeFileListSchema,
  publishResultSchema,
  versionListSchema,
} from "@/lib/api/management/schemas";
import { generateApiKey } from "@/lib/api-keys/key-format";
import type { ApiKeyScope } from "@/lib/api-keys/schemas";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { gptPackageSchema } from "@/lib/gpts/package/package-schema";
import { runUnsentJobs, takeUnsentJobs } from "@/lib/jobs/runner";
import { chatCompletionSchema } from "@/lib/openai-compat/schemas";
import { type FakeOpenAI, startFakeOpenAI } from "../../fixtures/fake-openai/server";
import { createActor, createFakeModel } from "../../support/factories";
import { appRequest, segment } from "../../support/requests";

/**
 * The management API (/api/v1/gpts…) with API keys, route handlers called directly against the
 * embedded database. The handlers call the editor's own domain functions; these tests check the
 * API's side of it: keys and scopes, ownership, OpenAI-shaped errors, and a whole round trip
 * ending in a chat through /api/v1/chat/completions with the same key.
 */
type Handler = (request: Request, context: never) => Promise<Response>;

let fake: FakeOpenAI;
let owner: Actor;
let writeKey: string;
let readKey: string;
let chatKey: string;

async function createKey(user: Actor, scopes: ApiKeyScope[]) {
  const { key, prefix, hash } = generateApiKey();
  await prisma.apiKey.create({ data: { userId: user.id, name: "test", prefix, hash, scopes } });
  return key;
}

async function call(
  handler: Handler,
  path: string,
  {
    key,
    method = "GET",
    body,
    form,
    params = {},
  }: {
    key: string | null;
    method?: string;
    body?: unknown;
    form?: FormData;
    params?: Record<string, string>;
  },
) {
  const request = appRequest(`/api/v1${path}`, {
    method,
    body,
    form,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  return handler(request, segment(params) as never);
}

async function json(response: Response): Promise<unknown> {
  return response.json();
}

async function apiError(response: Response) {
  return apiErrorSchema.parse(await response.json()).error;
}

function textFile(name: string, text: string): FormData {
  const form = new FormData();
  form.append("file", new File([text], name, { type: "text/plain" }));
  return form;
}

async function createViaApi(key: string, name: string) {
  const response = await call(gpts.POST, "/gpts", { key, method: "POST", body: { name } });
  expect(response.status).toBe(201);
  return gptSchema.parse(await response.json());
}

beforeAll(async () => {
  fake = await startFakeOpenAI({ slowMs: 5 });
  await createFakeModel(fake.url);
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: true } });
  owner = await createActor({ name: "API Creator" });
  writeKey = await createKey(owner, ["chat", "gpts:read", "gpts:write"]);
  readKey = await createKey(owner, ["gpts:read"]);
  chatKey = await createKey(owner, ["chat"]);
  takeUnsentJobs();
});

afterAll(async () => {
  await fake?.close();
  await prisma.plan.updateMany({ where: { isFree: true }, data: { hasApiAccess: false } });
});

describe("[API]: the management API, with an API key", () => {
  let gptId: string;
  let slug: string;

  it("[API]: create → upload knowledge → publish → versions → update → restore → export → import", async () => {
    const created = await call(gpts.POST, "/gpts", {
      key: writeKey,
      method: "POST",
      body: { name: "Tide Guide", instructions: "Explain tides.", conversationStarters: ["Why?"] },
    });
    expect(created.status).toBe(201);
    const draft = gptSchema.parse(await created.json());
    expect(draft).toMatchObject({
      name: "Tide Guide",
      visibility: "PRIVATE",
      publishedVersion: null,
    });
    gptId = draft.id;
    slug = draft.slug;
    const byId = { id: gptId };

    const uploaded = await call(knowledge.POST, `/gpts/${gptId}/knowledge`, {
      key: writeKey,
      method: "POST",
      form: textFile("tides.txt", "Spring tides follow the full and the new moon."),
      params: byId,
    });
    expect(uploaded.status).toBe(201);
    expect(await json(uploaded)).toMatchObject({ name: "tides.txt", status: "QUEUED" });
    await runUnsentJobs();
    const files = knowledgeFileListSchema.parse(
      await json(
        await call(knowledge.GET, `/gpts/${gptId}/knowledge`, { key: readKey, params: byId }),
      ),
    );
    expect(files.data.map((file) => [file.name, file.status])).toEqual([["tides.txt", "READY"]]);

    const published = await call(publish.POST, `/gpts/${gptId}/publish`, {
      key: writeKey,
      method: "POST",
      body: { visibility: "LINK", releaseNote: "First" },
      params: byId,
    });
    expect(published.status).toBe(200);
    expect(publishResultSchema.parse(await published.json())).toMatchObject({
      number: 1,
      visibility: "LINK",
      knowledgeFileCount: 1,
    });
    const history = versionListSchema.parse(
      await json(
        await call(versions.GET, `/gpts/${gptId}/versions`, { key: readKey, params: byId }),
      ),
    );
    expect(history.data).toMatchObject([{ number: 1, releaseNote: "First", isPublished: true }]);

    const patched = await call(gpt.PATCH, `/gpts/${gptId}`, {
      key: writeKey,
      method: "PATCH",
      body: { instructions: "Explain tides like a pirate." },
      params: byId,
    });
    expect(patched.status).toBe(200);
    const changed = gptSchema.parse(await patched.json());
    // Only the field sent changed; the others kept their values.
    expect(changed).toMatchObject({
      name: "Tide Guide",
      instructions: "Explain tides like a pirate.",
      conversationStarters: ["Why?"],
      hasUnpublishedChanges: true,
    });
    const stale = await call(gpt.PATCH, `/gpts/${gptId}`, {
      key: writeKey,
      method: "PATCH",
      body: { name: "Stale", revision: draft.revision },
      params: byId,
    });
    expect(stale.status).toBe(409);

    const restored = await call(restore.POST, `/gpts/${gptId}/versions/1/restore`, {
      key: writeKey,
      method: "POST",
      body: {},
      params: { id: gptId, number: "1" },
    });
    expect(restored.status).toBe(200);
    expect(await json(restored)).toMatchObject({ matchesPublished: true });
    const reread = gptSchema.parse(
      await json(await call(gpt.GET, `/gpts/${gptId}`, { key: readKey, params: byId })),
    );
    expect(reread).toMatchObject({ instructions: "Explain tides.", hasUnpublishedChanges: false });
    expect(reread.publishedVersion?.number).toBe(1);

    const exported = await call(exporting.GET, `/gpts/${gptId}/export?source=published`, {
      key: readKey,
      params: byId,
    });
    expect(exported.status).toBe(200);
    const pkg = await json(exported);
    const exportedPackage = gptPackageSchema.parse(pkg);
    expect(exportedPackage.gpt.name).toBe("Tide Guide");
    expect(exportedPackage.knowledge.map((entry) => entry.name)).toEqual(["tides.txt"]);

    const importedJson = await call(importing.POST, "/gpts/import", {
      key: writeKey,
      method: "POST",
      body: pkg,
    });
    expect(importedJson.status).toBe(201);
    const copy = importResultSchema.parse(await json(importedJson));
    expect(copy.id).not.toBe(gptId);
    expect(copy.warnings.join(" ")).toContain("only the .zip form");

    const zip = await call(exporting.GET, `/gpts/${gptId}/export?format=zip`, {
      key: readKey,
      params: byId,
    });
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const form = new FormData();
    form.append("file", new File([await zip.arrayBuffer()], "tide.atelier-gpt.zip"));
    const importedZip = await call(importing.POST, "/gpts/import", {
      key: writeKey,
      method: "POST",
      form,
    });
    expect(importedZip.status).toBe(201);
    const zipCopy = importResultSchema.parse(await json(importedZip));
    expect(zipCopy.warnings).toEqual([]);
    const copiedFiles = knowledgeFileListSchema.parse(
      await json(
        await call(knowledge.GET, `/gpts/${zipCopy.id}/knowledge`, {
          key: readKey,
          params: { id: zipCopy.id },
        }),
      ),
    );
    expect(copiedFiles.data.map((file) => file.name)).toEqual(["tides.txt"]);
  });

  it("[API]: the list pages through the owner's GPTs, newest first", async () => {
    await createViaApi(writeKey, "Paged one");
    await createViaApi(writeKey, "Paged two");
    const all = gptListSchema.parse(await json(await call(gpts.GET, "/gpts", { key: readKey })));
    expect(
      all.data
        .slice(0, 2)
        .map((item) => item.name)
        .sort(),
    ).toEqual(["Paged one", "Paged two"]);
    expect(all.data.map((item) => item.id)).toContain(gptId);
    expect(all.nextCursor).toBeNull();
    const first = gptListSchema.parse(
      await json(await call(gpts.GET, "/gpts?limit=1", { key: readKey })),
    );
    expect(first.data.map((item) => item.id)).toEqual([all.data[0]?.id]);
    expect(first.nextCursor).toBe(all.data[0]?.id);
    const second = gptListSchema.parse(
      await json(
        await call(gpts.GET, `/gpts?limit=1&cursor=${first.nextCursor}`, { key: readKey }),
      ),
    );
    expect(second.data.map((item) => item.id)).toEqual([all.data[1]?.id]);
  });

  it("[API]: scopes are enforced: a chat-only key cannot read or write, a gpts:read key cannot write", async () => {
    for (const [key, handler, method, body] of [
      [chatKey, gpts.GET, "GET", undefined],
      [chatKey, gpts.POST, "POST", { name: "Nope" }],
      [readKey, gpts.POST, "POST", { name: "Nope" }],
      [readKey, gpt.PATCH, "PATCH", { name: "Nope" }],
      [readKey, publish.POST, "POST", { visibility: "LINK" }],
    ] as const) {
      const response = await call(handler as Handler, `/gpts/${gptId}`, {
        key,
        method,
        body,
        params: { id: gptId },
      });
      expect(response.status, `${method} with a key lacking the scope`).toBe(403);
      expect(await apiError(response)).toMatchObject({ type: "permission_error" });
    }
    const anonymous = await call(gpts.GET, "/gpts", { key: null });
    expect(anonymous.status).toBe(401);
    expect(await prisma.gpt.count({ where: { ownerId: owner.id, name: "Nope" } })).toBe(0);
  });

  it("[API]: another user's GPT is not found, whatever the call", async () => {
    const stranger = await createActor();
    const strangerKey = await createKey(stranger, ["gpts:read", "gpts:write"]);
    const params = { id: gptId };
    const statuses = [
      await call(gpt.GET, `/gpts/${gptId}`, { key: strangerKey, params }),
      await call(gpt.PATCH, `/gpts/${gptId}`, {
        key: strangerKey,
        method: "PATCH",
        body: { name: "Mine now" },
        params,
      }),
      await call(knowledge.GET, `/gpts/${gptId}/knowledge`, { key: strangerKey, params }),
      await call(knowledge.POST, `/gpts/${gptId}/knowledge`, {
        key: strangerKey,
        method: "POST",
        form: textFile("x.txt", "Sneaky."),
        params,
      }),
      await call(publish.POST, `/gpts/${gptId}/publish`, {
        key: strangerKey,
        method: "POST",
        body: { visibility: "PRIVATE" },
        params,
      }),
      await call(versions.GET, `/gpts/${gptId}/versions`, { key: strangerKey, params }),
      await call(restore.POST, `/gpts/${gptId}/versions/1/restore`, {
        key: strangerKey,
        method: "POST",
        body: {},
        params: { ...params, number: "1" },
      }),
      await call(exporting.GET, `/gpts/${gptId}/export`, { key: strangerKey, params }),
    ].map((response) => response.status);
    expect(statuses).toEqual(Array(statuses.length).fill(404));
    const list = gptListSchema.parse(
      await json(await call(gpts.GET, "/gpts", { key: strangerKey })),
    );
    expect(list.data).toEqual([]);
    const unchanged = await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } });
    expect(unchanged.name).toBe("Tide Guide");
  });

  it("[API]: invalid input is a 400 in OpenAI's error shape whose param names the field", async () => {
    const cases: [Response, string][] = [
      [
        await call(gpts.POST, "/gpts", { key: writeKey, method: "POST", body: { name: "" } }),
        "name",
      ],
      [
        await call(gpt.PATCH, `/gpts/${gptId}`, {
          key: writeKey,
          method: "PATCH",
          body: { temperature: 5 },
          params: { id: gptId },
        }),
        "temperature",
      ],
      [
        // Checked by the domain function (the model must exist), reported the same way.
        await call(gpt.PATCH, `/gpts/${gptId}`, {
          key: writeKey,
          method: "PATCH",
          body: { modelConfigId: "no-such-model" },
          params: { id: gptId },
        }),
        "modelConfigId",
      ],
      [
        await call(knowledge.POST, `/gpts/${gptId}/knowledge`, {
          key: writeKey,
          method: "POST",
          form: textFile("empty.txt", ""),
          params: { id: gptId },
        }),
        "file",
      ],
      [await call(gpts.GET, "/gpts?limit=0", { key: readKey }), "limit"],
    ];
    for (const [response, param] of cases) {
      expect(response.status, param).toBe(400);
      expect(await apiError(response), param).toMatchObject({
        type: "invalid_request_error",
        param,
        message: expect.any(String),
      });
    }
  });

  it("[API]: the published GPT answers through /api/v1/chat/completions with the same key", async () => {
    const response = await call(completions.POST as Handler, "/chat/completions", {
      key: writeKey,
      method: "POST",
      body: { model: slug, messages: [{ role: "user", content: "hi" }] },
    });
    expect(response.status).toBe(200);
    const completion = chatCompletionSchema.parse(await json(response));
    expect(completion.choices[0]?.message.content).toContain('You said: "hi"');
    expect(completion.usage.total_tokens).toBeGreaterThan(0);
  });
});
