import { strFromU8, strToU8, unzipSync } from "fflate";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import type { ActionDefinition, OAuthConfig } from "@/lib/gpt-actions/definition";
import { deleteGptAction } from "@/lib/gpt-actions/delete-gpt-action";
import { listGptActions } from "@/lib/gpt-actions/queries";
import { testGptAction } from "@/lib/gpt-actions/test-gpt-action";
import { updateGptAction } from "@/lib/gpt-actions/update-gpt-action";
import { duplicateGpt } from "@/lib/gpts/duplicate-gpt";
import { getGptPage } from "@/lib/gpts/gpt-page-query";
import { exportGptPackage } from "@/lib/gpts/package/export-gpt-package";
import { importGptPackage } from "@/lib/gpts/package/import-gpt-package";
import type { GptPackage } from "@/lib/gpts/package/package-schema";
import { publishGpt } from "@/lib/gpts/publish-gpt";
import { getGptForEditor } from "@/lib/gpts/queries";
import { remixGpt } from "@/lib/gpts/remix-gpt";
import { restoreGptVersion } from "@/lib/gpts/restore-gpt-version";
import { setGptVisibility } from "@/lib/gpts/set-gpt-visibility";
import type { FakeApi } from "../../fixtures/fake-api/server";
import { expectAppError } from "../../support/app-error";
import { createActor, ensureBuilderProfile } from "../../support/factories";
import {
  allowlist,
  createActionGpt,
  createApiKeyAction,
  createOAuthAction,
  FAKE_API_KEY,
  FAKE_OAUTH_CLIENT_ID,
  FAKE_OAUTH_CLIENT_SECRET,
  startFakeApi,
  tinyDocument,
} from "./helpers";

let api: FakeApi;
let owner: Actor;
let other: Actor;
const PRIVACY = "https://fake.example/privacy";

async function versionActions(versionId: string): Promise<ActionDefinition[]> {
  const version = await prisma.gptVersion.findUniqueOrThrow({ where: { id: versionId } });
  return version.actions as ActionDefinition[];
}

async function revisionOf(gptId: string): Promise<number> {
  return (await prisma.gpt.findUniqueOrThrow({ where: { id: gptId } })).revision;
}

/** A GPT with the actions capability, an API-key action and an OAuth action, both with a privacy policy. */
async function gptWithBothActions(actor: Actor) {
  const gpt = await createActionGpt(actor);
  const keyAction = await createApiKeyAction(actor, gpt.id, api, { privacyPolicyUrl: PRIVACY });
  const oauthAction = await createOAuthAction(actor, gpt.id, api, { privacyPolicyUrl: PRIVACY });
  return { gpt, keyAction, oauthAction };
}

beforeAll(async () => {
  api = await startFakeApi();
  await allowlist([api.url]);
  owner = await createActor({ name: "Owner" });
  other = await createActor({ name: "Other" });
  await ensureBuilderProfile(owner);
  await ensureBuilderProfile(other);
});

afterAll(async () => {
  await api?.close();
});

beforeEach(() => api.reset());

describe("[ACTIONS]: actions in versions", () => {
  it("[ACTIONS]: publishing snapshots the draft's actions; editing or deleting the draft action leaves the snapshot alone", async () => {
    const { gpt, keyAction } = await gptWithBothActions(owner);
    const published = await publishGpt({
      actor: owner,
      gptId: gpt.id,
      input: { visibility: "PRIVATE" },
    });
    const snapshot = await versionActions(published.versionId);
    expect(snapshot.map((definition) => definition.id)).toHaveLength(2);
    expect(snapshot[0]).toMatchObject({
      id: keyAction.id,
      kind: "OPENAPI",
      serverUrl: api.url,
      authKind: "API_KEY",
      privacyPolicyUrl: PRIVACY,
      disabledOperations: [],
    });
    expect(snapshot[0].secretCiphertext).toBeTruthy();
    expect(snapshot[0].operations.some((operation) => operation.key === "getWeather")).toBe(true);
    const before = JSON.stringify(snapshot);

    await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: keyAction.id,
      input: {
        disabledOperations: ["getWeather"],
        privacyPolicyUrl: "https://changed.example/privacy",
        auth: { kind: "api_key", placement: "header", name: "X-Api-Key", secret: "new-key-0001" },
      },
    });
    expect(JSON.stringify(await versionActions(published.versionId))).toBe(before);

    await deleteGptAction({ actor: owner, gptId: gpt.id, actionId: keyAction.id });
    expect(JSON.stringify(await versionActions(published.versionId))).toBe(before);
    expect(await prisma.gptAction.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("[ACTIONS]: publishing PUBLIC with an action lacking a privacy policy fails at privacyPolicyUrl and publishes nothing", async () => {
    const gpt = await createActionGpt(owner);
    await createApiKeyAction(owner, gpt.id, api);
    const error = await expectAppError(
      publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      "bad_request",
    );
    expect(error.fieldErrors?.privacyPolicyUrl?.[0]).toMatch(/privacy policy URL/);
    expect(error.message).toContain(new URL(api.url).host);
    expect(await prisma.gptVersion.count({ where: { gptId: gpt.id } })).toBe(0);
    const row = await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } });
    expect(row).toMatchObject({ publishedVersionId: null, visibility: "PRIVATE" });

    // Private and link publishes do not need it.
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "LINK" } });
    expect(await prisma.gptVersion.count({ where: { gptId: gpt.id } })).toBe(1);
  });

  it("[ACTIONS]: making a published GPT PUBLIC is refused while an action of its version lacks a privacy policy", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    const error = await expectAppError(
      setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      "bad_request",
    );
    expect(error.fieldErrors?.privacyPolicyUrl).toBeDefined();
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).visibility).toBe(
      "PRIVATE",
    );
    // Fixing the draft is not enough: the live version is what users see.
    await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { privacyPolicyUrl: PRIVACY },
    });
    await expectAppError(
      setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } }),
      "bad_request",
    );
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    await setGptVisibility({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    expect((await prisma.gpt.findUniqueOrThrow({ where: { id: gpt.id } })).visibility).toBe(
      "PUBLIC",
    );
  });

  it("[ACTIONS]: the GPT page lists the services its actions call, with their privacy policies", async () => {
    const { gpt } = await gptWithBothActions(owner);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });
    const page = await getGptPage({ actor: other, slug: gpt.slug });
    expect(page?.actionServices).toEqual([
      { domain: new URL(api.url).host, privacyPolicyUrl: PRIVACY },
    ]);
    const anonymous = await getGptPage({ actor: null, slug: gpt.slug });
    expect(anonymous?.actionServices).toHaveLength(1);
    expect(JSON.stringify(page)).not.toContain("secretCiphertext");
    expect(JSON.stringify(page)).not.toContain(FAKE_OAUTH_CLIENT_ID);
  });

  it("[ACTIONS]: restoring a version brings its actions back into the draft, with the same ids", async () => {
    const { gpt, keyAction, oauthAction } = await gptWithBothActions(owner);
    const v1 = await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    await deleteGptAction({ actor: owner, gptId: gpt.id, actionId: keyAction.id });
    await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: oauthAction.id,
      input: { disabledOperations: ["getProfile"] },
    });

    const restored = await restoreGptVersion({
      actor: owner,
      gptId: gpt.id,
      number: v1.number,
      input: { revision: await revisionOf(gpt.id) },
    });
    expect(restored.matchesPublished).toBe(true);
    const { actions, hasUnpublishedChanges } = await listGptActions({
      actor: owner,
      gptId: gpt.id,
    });
    expect(actions.map((action) => action.id)).toEqual([keyAction.id, oauthAction.id]);
    expect(actions[1].operations.every((operation) => operation.isEnabled)).toBe(true);
    expect(actions[0].auth).toMatchObject({ kind: "api_key", hasSecret: true });
    expect(actions[0].schemaText).toBe(keyAction.schemaText);
    // The restored key still works.
    const result = await testGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: keyAction.id,
      input: { operationKey: "getWeather", args: { city: "Rome" } },
    });
    expect(result.response?.status).toBe(200);
    // The draft is the published version again.
    expect(hasUnpublishedChanges).toBe(false);
  });

  it("[ACTIONS]: hasUnpublishedChanges turns on after an edit and off after the next publish", async () => {
    const gpt = await createActionGpt(owner);
    const action = await createApiKeyAction(owner, gpt.id, api, { privacyPolicyUrl: PRIVACY });
    expect((await listGptActions({ actor: owner, gptId: gpt.id })).hasUnpublishedChanges).toBe(
      true,
    );
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect((await listGptActions({ actor: owner, gptId: gpt.id })).hasUnpublishedChanges).toBe(
      false,
    );
    await updateGptAction({
      actor: owner,
      gptId: gpt.id,
      actionId: action.id,
      input: { disabledOperations: ["deleteNote"] },
    });
    expect((await listGptActions({ actor: owner, gptId: gpt.id })).hasUnpublishedChanges).toBe(
      true,
    );
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    expect((await listGptActions({ actor: owner, gptId: gpt.id })).hasUnpublishedChanges).toBe(
      false,
    );
  });

  it("[ACTIONS]: the editor's unpublished-changes flag clears after publishing a GPT with actions", async () => {
    const gpt = await createActionGpt(owner);
    await createApiKeyAction(owner, gpt.id, api, { privacyPolicyUrl: PRIVACY });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    const editor = await getGptForEditor({ actor: owner, gptId: gpt.id });
    expect(editor?.hasUnpublishedActionChanges).toBe(false);
    expect(editor?.hasUnpublishedChanges).toBe(false);
  });

  it("[ACTIONS]: a remix copies the published actions without the API key and with an empty OAuth client id", async () => {
    const { gpt, keyAction, oauthAction } = await gptWithBothActions(owner);
    await prisma.gpt.update({ where: { id: gpt.id }, data: { allowRemix: true } });
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PUBLIC" } });

    const remix = await remixGpt({ actor: other, gptId: gpt.id });
    const rows = await prisma.gptAction.findMany({
      where: { gptId: remix.id },
      orderBy: { position: "asc" },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.secretCiphertext).toBeNull();
      expect([keyAction.id, oauthAction.id]).not.toContain(row.id);
    }
    expect(rows[0]).toMatchObject({ authKind: "API_KEY", serverUrl: api.url });
    expect(rows[0].authConfig).toEqual({ placement: "header", name: "X-Api-Key" });
    expect(rows[1].authKind).toBe("OAUTH");
    expect((rows[1].authConfig as OAuthConfig).clientId).toBe("");
    expect((rows[1].authConfig as OAuthConfig).tokenUrl).toBe(`${api.url}/oauth/token`);
    expect(rows[0].schemaText).toBe(keyAction.schemaText);

    // The remixer's Test says the key is missing instead of calling with the creator's.
    const result = await testGptAction({
      actor: other,
      gptId: remix.id,
      actionId: rows[0].id,
      input: { operationKey: "getWeather", args: { city: "Rome" } },
    });
    expect(result.error).toMatch(/API key .* is not set/);
    expect(api.requests.filter((request) => request.path === "/weather")).toEqual([]);
    const { actions } = await listGptActions({ actor: other, gptId: remix.id });
    expect(JSON.stringify(actions)).not.toContain(FAKE_OAUTH_CLIENT_ID);
    expect(actions[0].auth).toMatchObject({ hasSecret: false });
  });

  it("[ACTIONS]: duplicating keeps the actions and their credentials for the same owner", async () => {
    const { gpt } = await gptWithBothActions(owner);
    const source = await prisma.gptAction.findMany({
      where: { gptId: gpt.id },
      orderBy: { position: "asc" },
    });
    const copy = await duplicateGpt({ actor: owner, gptId: gpt.id });
    const rows = await prisma.gptAction.findMany({
      where: { gptId: copy.id },
      orderBy: { position: "asc" },
    });
    expect(rows).toHaveLength(2);
    expect(rows.map((row) => row.secretCiphertext)).toEqual(
      source.map((row) => row.secretCiphertext),
    );
    expect((rows[1].authConfig as OAuthConfig).clientId).toBe(FAKE_OAUTH_CLIENT_ID);
    expect(rows.map((row) => row.id)).not.toEqual(source.map((row) => row.id));
    const result = await testGptAction({
      actor: owner,
      gptId: copy.id,
      actionId: rows[0].id,
      input: { operationKey: "getWeather", args: { city: "Rome" } },
    });
    expect(result.response?.status).toBe(200);
  });

  it("[ACTIONS]: an export holds the action documents but no key, client secret, client id or ciphertext", async () => {
    const { gpt } = await gptWithBothActions(owner);
    await publishGpt({ actor: owner, gptId: gpt.id, input: { visibility: "PRIVATE" } });
    const ciphertexts = (await prisma.gptAction.findMany({ where: { gptId: gpt.id } })).map(
      (row) => row.secretCiphertext!,
    );
    const secrets = [FAKE_API_KEY, FAKE_OAUTH_CLIENT_SECRET, FAKE_OAUTH_CLIENT_ID, ...ciphertexts];

    for (const source of ["draft", "published"] as const) {
      const json = await exportGptPackage({
        actor: owner,
        gptId: gpt.id,
        source,
        container: "json",
      });
      const text = strFromU8(json.bytes);
      for (const secret of secrets) expect(text).not.toContain(secret);
      const pkg = JSON.parse(text) as GptPackage;
      expect(pkg.actions).toHaveLength(2);
      expect(pkg.actions[0]).toMatchObject({
        kind: "openapi",
        authKind: "api_key",
        auth: { placement: "header", name: "X-Api-Key" },
        privacyPolicyUrl: PRIVACY,
        openapi: { info: { title: "Fake Weather & Notes API" } },
      });
      expect(pkg.actions[1]).toMatchObject({
        authKind: "oauth",
        auth: { tokenUrl: `${api.url}/oauth/token`, scopes: "profile:read" },
      });

      const zip = await exportGptPackage({ actor: owner, gptId: gpt.id, source, container: "zip" });
      for (const bytes of Object.values(unzipSync(zip.bytes))) {
        const entry = strFromU8(bytes);
        for (const secret of secrets) expect(entry).not.toContain(secret);
      }
    }
  });

  it("[ACTIONS]: importing that package recreates the actions without credentials and warns what to add", async () => {
    const { gpt } = await gptWithBothActions(owner);
    const exported = await exportGptPackage({
      actor: owner,
      gptId: gpt.id,
      source: "draft",
      container: "json",
    });
    const imported = await importGptPackage({ actor: other, bytes: exported.bytes });
    const rows = await prisma.gptAction.findMany({
      where: { gptId: imported.id },
      orderBy: { position: "asc" },
    });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.secretCiphertext).toBeNull();
    expect(rows[0]).toMatchObject({ kind: "OPENAPI", authKind: "API_KEY", serverUrl: api.url });
    expect(rows[0].privacyPolicyUrl).toBe(PRIVACY);
    expect((rows[0].operations as { key: string }[]).map((operation) => operation.key)).toContain(
      "getWeather",
    );
    expect((rows[1].authConfig as OAuthConfig).clientId).toBe("");
    expect(imported.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/needs its API key/),
        expect.stringMatching(/needs its OAuth client ID and secret/),
      ]),
    );
  });

  it("[ACTIONS]: an import whose action document is invalid fails at actions.0.openapi and creates nothing", async () => {
    const before = await prisma.gpt.count({ where: { ownerId: other.id } });
    const actionsBefore = await prisma.gptAction.count();
    const pkg = {
      format: "atelier.gpt",
      version: 1,
      gpt: { name: "Broken actions", capabilities: ["actions"] },
      actions: [
        {
          name: "Broken",
          kind: "openapi",
          authKind: "none",
          openapi: {
            openapi: "3.0.3",
            info: { title: "Broken", version: "1" },
            servers: [{ url: api.url }],
            paths: { "/weather": { get: { operationId: "getWeather" } } },
          },
        },
        {
          name: "Fine",
          kind: "openapi",
          authKind: "none",
          openapi: JSON.parse(tinyDocument(api.url)),
        },
      ],
    };
    const error = await expectAppError(
      importGptPackage({ actor: other, bytes: strToU8(JSON.stringify(pkg)) }),
      "bad_request",
    );
    expect(error.fieldErrors?.["actions.0.openapi"]).toBeDefined();
    expect(error.message).toContain("Broken");
    expect(await prisma.gpt.count({ where: { ownerId: other.id } })).toBe(before);
    expect(await prisma.gptAction.count()).toBe(actionsBefore);
  });
});
