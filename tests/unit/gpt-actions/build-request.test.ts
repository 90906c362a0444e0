import { describe, expect, it } from "vitest";
import { buildOperationRequest } from "@/lib/gpt-actions/openapi/build-request";
import { type ActionOperation, extractOperations } from "@/lib/gpt-actions/openapi/operations";

const SERVER = "https://api.example.com/v1";

const operations = extractOperations({
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/weather": {
      get: {
        operationId: "getWeather",
        parameters: [
          { name: "city", in: "query", required: true, schema: { type: "string" } },
          { name: "days", in: "query", schema: { type: "integer", minimum: 1 } },
          { name: "fields", in: "query", schema: { type: "array", items: { type: "string" } } },
          { name: "X-Trace", in: "header", schema: { type: "string" } },
          { name: "session", in: "cookie", schema: { type: "string" } },
        ],
      },
    },
    "/notes/{noteId}": {
      put: {
        operationId: "updateNote",
        parameters: [{ name: "noteId", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["title"],
                properties: {
                  title: { type: "string" },
                  tags: { type: "array", items: { type: "string" } },
                },
              },
            },
          },
        },
      },
    },
    "/login": {
      post: {
        operationId: "login",
        requestBody: {
          content: {
            "application/x-www-form-urlencoded": {
              schema: { type: "object", properties: { user: { type: "string" } } },
            },
          },
        },
      },
    },
  },
});
const byId = (id: string) => operations.find((op) => op.operationId === id) as ActionOperation;
const build = (operation: ActionOperation, args: unknown) =>
  buildOperationRequest({ serverUrl: SERVER, operation, args });

describe("buildOperationRequest", () => {
  it("[GPT ACTIONS]: arguments are validated with readable messages before any request is built", () => {
    expect(build(byId("getWeather"), { days: 0 })).toEqual({
      ok: false,
      errors: ["city: is required", "days: must be >= 1"],
    });
    expect(build(byId("updateNote"), { noteId: "n1", body: { title: 42 } })).toEqual({
      ok: false,
      errors: ["body.title: must be string"],
    });
    expect(build(byId("getWeather"), { city: "Oslo", admin: true })).toMatchObject({
      ok: false,
      errors: ["admin: is not an accepted argument"],
    });
    // Cookie parameters are listed on the operation but never offered to the model.
    expect(build(byId("getWeather"), { city: "Oslo", session: "s" })).toMatchObject({ ok: false });
  });

  it("[GPT ACTIONS]: query arrays become repeated keys and headers are passed through", () => {
    const result = build(byId("getWeather"), {
      city: "São Paulo",
      fields: ["temp", "wind"],
      "X-Trace": "abc",
    });
    expect(result).toEqual({
      ok: true,
      request: {
        method: "GET",
        url: "https://api.example.com/v1/weather?city=S%C3%A3o+Paulo&fields=temp&fields=wind",
        headers: { "X-Trace": "abc" },
        body: null,
      },
    });
  });

  it("[GPT ACTIONS]: a JSON body is serialised and the path parameter encoded under the base path", () => {
    const result = build(byId("updateNote"), { noteId: "a b", body: { title: "Hi", tags: ["x"] } });
    expect(result).toEqual({
      ok: true,
      request: {
        method: "PUT",
        url: "https://api.example.com/v1/notes/a%20b",
        headers: { "content-type": "application/json" },
        body: '{"title":"Hi","tags":["x"]}',
      },
    });
  });

  it("[GPT ACTIONS]: path values cannot escape the server's origin or base path", () => {
    for (const noteId of ["../../admin", "//evil.example/", "..%2F..%2Fadmin", "?x=1#frag"]) {
      const result = build(byId("updateNote"), { noteId, body: { title: "t" } });
      if (!result.ok) continue;
      const url = new URL(result.request.url);
      expect(url.origin).toBe("https://api.example.com");
      expect(url.pathname.startsWith("/v1/notes/")).toBe(true);
      expect(url.pathname.split("/")).toHaveLength(4);
      expect(url.search).toBe("");
    }
    expect(
      build(byId("updateNote"), { noteId: "../../admin", body: { title: "t" } }),
    ).toMatchObject({
      ok: true,
      request: { url: "https://api.example.com/v1/notes/..%2F..%2Fadmin" },
    });
    for (const noteId of ["..", ".", ""]) {
      expect(build(byId("updateNote"), { noteId, body: { title: "t" } }).ok).toBe(false);
    }
  });

  it("[GPT ACTIONS]: header values with line breaks are refused", () => {
    expect(build(byId("getWeather"), { city: "Oslo", "X-Trace": "a\r\nX-Admin: 1" })).toEqual({
      ok: false,
      errors: ["X-Trace: must not contain line breaks"],
    });
  });

  it("[GPT ACTIONS]: a form body is urlencoded and string arguments are parsed as JSON", () => {
    const result = build(byId("login"), JSON.stringify({ body: { user: "ann&bob" } }));
    expect(result).toMatchObject({
      ok: true,
      request: {
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "user=ann%26bob",
      },
    });
  });
});
