import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseOpenApi } from "@/lib/gpt-actions/openapi/parse-openapi";
import { toToolName } from "@/lib/gpt-actions/openapi/tool-name";

const notesApi = {
  openapi: "3.0.3",
  info: { title: "Notes", version: "1.0.0" },
  servers: [{ url: "https://{region}.notes.example/v1", variables: { region: { default: "eu" } } }],
  paths: {
    "/notes": {
      get: {
        operationId: "listNotes",
        summary: "List notes",
        parameters: [
          { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } } },
        ],
        responses: { "200": { description: "ok" } },
      },
      post: {
        operationId: "createNote",
        requestBody: {
          required: true,
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/NewNote" } },
          },
        },
        responses: { "201": { description: "created" } },
      },
    },
    "/notes/{noteId}": {
      parameters: [{ name: "noteId", in: "path", required: true, schema: { type: "string" } }],
      delete: {
        operationId: "deleteNote",
        "x-openai-isConsequential": false,
        responses: { "204": { description: "deleted" } },
      },
    },
  },
  components: {
    schemas: {
      NewNote: {
        type: "object",
        required: ["title"],
        properties: {
          id: { type: "string", readOnly: true },
          title: { type: "string", description: "Short title" },
          body: { type: "string", nullable: true },
        },
      },
    },
  },
};

type Operation = Record<string, unknown>;
const operationOf = (doc: unknown, path: string, method: string) =>
  (doc as { paths: Record<string, Record<string, Operation>> }).paths[path][method];

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

describe("parseOpenApi", () => {
  it("[GPT ACTIONS]: an OpenAPI 3.0 JSON document becomes tools with a resolved server URL", async () => {
    const result = await parseOpenApi(JSON.stringify(notesApi));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result).toMatchObject({
      title: "Notes",
      version: "3.0.3",
      serverUrl: "https://eu.notes.example/v1",
    });
    expect(result.operations.map((op) => [op.toolName, op.method, op.isConsequential])).toEqual([
      ["listNotes", "GET", false],
      ["createNote", "POST", true],
      ["deleteNote", "DELETE", false],
    ]);
    const create = result.operations[1];
    expect(create.inputSchema).toEqual({
      type: "object",
      properties: {
        body: {
          type: "object",
          required: ["title"],
          properties: {
            title: { type: "string", description: "Short title" },
            body: { type: ["string", "null"] },
          },
        },
      },
      required: ["body"],
      additionalProperties: false,
    });
    expect(result.operations[2].parameters).toMatchObject([
      { name: "noteId", in: "path", required: true },
    ]);
    expect(JSON.stringify(result.document)).not.toContain("$ref");
  });

  it("[GPT ACTIONS]: an OpenAPI 3.1 YAML document is accepted and a relative server leaves the URL to the creator", async () => {
    const yaml = [
      "openapi: 3.1.0",
      "info: { title: Weather, version: '2' }",
      "servers:",
      "  - url: /api",
      "paths:",
      "  /forecast:",
      "    get:",
      "      operationId: getForecast",
      "      parameters:",
      "        - { name: city, in: query, required: true, schema: { type: string } }",
      "      responses:",
      "        '200': { description: ok }",
    ].join("\n");
    const result = await parseOpenApi(yaml);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.version).toBe("3.1.0");
    expect(result.serverUrl).toBeNull();
    expect(result.operations[0].inputSchema).toMatchObject({ required: ["city"] });
  });

  it("[GPT ACTIONS]: a Swagger 2.0 document is converted to OpenAPI 3 first", async () => {
    const swagger = {
      swagger: "2.0",
      info: { title: "Pets", version: "1" },
      host: "pets.example",
      basePath: "/api",
      schemes: ["https"],
      paths: {
        "/pets": {
          post: {
            operationId: "addPet",
            consumes: ["application/json"],
            parameters: [{ name: "pet", in: "body", required: true, schema: { type: "object" } }],
            responses: { "200": { description: "ok" } },
          },
        },
      },
    };
    const result = await parseOpenApi(JSON.stringify(swagger));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.convertedFrom).toBe("2.0");
    expect(result.version).toMatch(/^3\.0\./);
    expect(result.serverUrl).toBe("https://pets.example/api");
    expect(result.operations[0].requestBody).toMatchObject({
      contentType: "application/json",
      required: true,
    });
  });

  it("[GPT ACTIONS]: an invalid document is refused with the precise location of each problem", async () => {
    const invalid = structuredClone(notesApi) as Record<string, unknown>;
    invalid.servers = [{ urll: "https://x.example" }];
    (invalid.paths as Record<string, Record<string, Record<string, unknown>>>)[
      "/notes"
    ].get.responses = {};
    const result = await parseOpenApi(JSON.stringify(invalid));
    if (result.ok) throw new Error("expected a refusal");
    expect(result.problems).toEqual(
      expect.arrayContaining([
        {
          path: "servers.0",
          message: expect.stringContaining("must have required property 'url'"),
        },
        {
          path: "paths./notes.get.responses",
          message: expect.stringContaining("fewer than 1 properties"),
        },
      ]),
    );
  });

  it("[GPT ACTIONS]: duplicate operationIds are reported at the second occurrence", async () => {
    const doc = structuredClone(notesApi);
    doc.paths["/notes"].post.operationId = "listNotes";
    const result = await parseOpenApi(JSON.stringify(doc));
    if (result.ok) throw new Error("expected a refusal");
    expect(result.problems[0]).toEqual({
      path: "paths./notes.post.operationId",
      message: expect.stringContaining("listNotes"),
    });
  });

  it("[GPT ACTIONS]: syntax errors report their line for YAML and JSON", async () => {
    const yaml = await parseOpenApi(
      "openapi: 3.1.0\ninfo:\n  title: x\n  version: a: b\npaths: {}\n",
    );
    expect(yaml).toMatchObject({ ok: false, problems: [{ path: "line 4" }] });
    const json = await parseOpenApi('{\n  "openapi": "3.1.0",\n  "info": {,\n}');
    expect(json).toMatchObject({ ok: false, problems: [{ path: "line 3" }] });
  });

  it("[GPT ACTIONS]: an external $ref is refused without any connection being made", async () => {
    let connections = 0;
    server = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const ref = `http://127.0.0.1:${port}/x.json`;
    const doc = structuredClone(notesApi) as Record<string, unknown>;
    (doc.components as { schemas: Record<string, unknown> }).schemas.Remote = { $ref: ref };
    const refused = await parseOpenApi(JSON.stringify(doc));
    expect(refused).toEqual({
      ok: false,
      problems: [
        { path: "components.schemas.Remote", message: expect.stringContaining("External $ref") },
      ],
    });
    // A `$ref` inside example data is literal data: the parser must still not fetch it.
    const example = structuredClone(notesApi);
    Object.assign(example.components.schemas.NewNote, { example: { $ref: ref } });
    expect((await parseOpenApi(JSON.stringify(example))).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(connections).toBe(0);
  });

  it("[GPT ACTIONS]: circular schemas parse and stay JSON-serialisable", async () => {
    const doc = structuredClone(notesApi) as Record<string, unknown>;
    (doc.components as { schemas: Record<string, unknown> }).schemas.NewNote = {
      type: "object",
      properties: {
        title: { type: "string" },
        children: { type: "array", items: { $ref: "#/components/schemas/NewNote" } },
      },
    };
    const result = await parseOpenApi(JSON.stringify(doc));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(() => JSON.stringify(result.document)).not.toThrow();
    const body = (
      result.operations[1].inputSchema.properties as Record<string, Record<string, unknown>>
    ).body;
    expect(body).toMatchObject({ properties: { children: { type: "array", items: {} } } });
  });

  it("[GPT ACTIONS]: operations carry warnings for a missing operationId and a long description", async () => {
    const doc = structuredClone(notesApi);
    delete operationOf(doc, "/notes", "get").operationId;
    operationOf(doc, "/notes", "post").description = "x".repeat(320);
    const result = await parseOpenApi(JSON.stringify(doc));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.operations[0]).toMatchObject({
      key: "get_notes",
      toolName: "get_notes",
      warnings: ["has no operationId"],
    });
    expect(result.operations[1].warnings).toEqual([
      "description is longer than 300 characters (320)",
    ]);
  });

  it("[GPT ACTIONS]: a parameter named body is renamed when the operation has a request body", async () => {
    const doc = structuredClone(notesApi);
    operationOf(doc, "/notes", "post").parameters = [
      { name: "body", in: "query", schema: { type: "string" } },
    ];
    const result = await parseOpenApi(JSON.stringify(doc));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.operations[1].parameters[0]).toMatchObject({
      name: "body",
      argName: "query_body",
    });
    expect(Object.keys(result.operations[1].inputSchema.properties as object)).toEqual([
      "query_body",
      "body",
    ]);
  });

  it("[GPT ACTIONS]: oversized, AsyncAPI and unsupported versions are refused clearly", async () => {
    expect(await parseOpenApi(" ".repeat(2 * 1024 * 1024 + 1))).toEqual({
      ok: false,
      problems: [{ path: "", message: "The document is larger than 2 MB" }],
    });
    const asyncApi = await parseOpenApi("asyncapi: 2.6.0\ninfo: { title: x, version: '1' }\n");
    expect(asyncApi).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining("AsyncAPI") }],
    });
    const v4 = await parseOpenApi(
      '{"openapi":"4.0.0","info":{"title":"x","version":"1"},"paths":{}}',
    );
    expect(v4).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringContaining("4.0.0 is not supported") }],
    });
  });
});

describe("toToolName", () => {
  it("[GPT ACTIONS]: tool names are sanitised, capped at 64 characters and unique", () => {
    const taken = new Set<string>();
    expect(toToolName("list notes", taken)).toBe("list_notes");
    expect(toToolName("list_notes", taken)).toBe("list_notes_2");
    expect(toToolName("list/notes", taken)).toBe("list_notes_3");
    const long = toToolName("a".repeat(80), taken);
    expect(long).toHaveLength(64);
    expect(toToolName("a".repeat(80), taken)).toMatch(/^a{62}_2$/);
    expect(toToolName("é!", taken)).toBe("e");
  });
});
