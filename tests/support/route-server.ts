import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";

type Handler = (
  request: Request,
  segment: { params: Promise<Record<string, string>> },
) => Promise<Response>;

/** "POST /api/v1/gpts/[id]" → handler. */
export type RouteTable = Record<string, Handler>;

export type RouteServer = { url: string; close: () => Promise<void> };

/**
 * A real HTTP server in the test process that calls route handlers the way Next does (a Web
 * Request in, a Web Response out, streamed): clients that need a URL (the official `openai` npm
 * client) talk to the app's own handlers with nothing in between mocked. A client that hangs up
 * aborts the request's signal, as in Next.
 */
export async function startRouteServer(routes: RouteTable): Promise<RouteServer> {
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(" ") as [string, string];
    const names: string[] = [];
    const regex = new RegExp(
      `^${pattern.replace(/\[(\w+)\]/g, (_, name: string) => {
        names.push(name);
        return "([^/]+)";
      })}$`,
    );
    return { method, regex, names, handler };
  });
  const server = http.createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const route = table.find(
      (entry) => entry.method === incoming.method && entry.regex.test(url.pathname),
    );
    if (!route) {
      outgoing.writeHead(404).end();
      return;
    }
    const match = url.pathname.match(route.regex) ?? [];
    const params = Object.fromEntries(
      route.names.map((name, index) => [name, decodeURIComponent(match[index + 1] ?? "")]),
    );
    const controller = new AbortController();
    outgoing.on("close", () => {
      if (!outgoing.writableFinished) controller.abort();
    });
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(url, {
      method: incoming.method,
      headers: incoming.headers as Record<string, string>,
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
      signal: controller.signal,
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
    const response = await route.handler(request, { params: Promise.resolve(params) });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) {
      outgoing.end();
      return;
    }
    const reader = response.body.getReader();
    outgoing.on("close", () => {
      if (!outgoing.writableFinished) void reader.cancel().catch(() => undefined);
    });
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        outgoing.write(value);
      }
      outgoing.end();
    } catch {
      outgoing.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
