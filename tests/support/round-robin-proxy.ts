import http from "node:http";

export type RoundRobinProxy = {
  url: string;
  /** Which upstream served each request, in order (tests check the alternation). */
  served: string[];
  close: () => Promise<void>;
};

/**
 * A plain round-robin HTTP proxy in front of several app processes, like a load balancer without
 * sticky sessions: request n goes to upstream n mod k. Bodies stream through both ways (SSE too),
 * and a closed client closes the upstream request.
 */
export async function startRoundRobinProxy(
  upstreams: string[],
  port = 0,
): Promise<RoundRobinProxy> {
  let next = 0;
  const served: string[] = [];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const server = http.createServer((request, response) => {
    const target = new URL(request.url ?? "/", upstreams[next % upstreams.length]);
    next += 1;
    served.push(target.origin);
    const upstream = http.request(
      target,
      { method: request.method, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent) response.writeHead(502).end("upstream unavailable");
      else response.destroy();
    });
    response.on("close", () => upstream.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  return {
    url,
    served,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
