/** Why the egress guard refused or failed a request. Messages are fixed: never a URL or a key. */
export type EgressErrorCode =
  | "invalid_url"
  | "blocked_scheme"
  | "blocked_port"
  | "blocked_address"
  | "dns_failed"
  | "too_many_redirects"
  | "timeout"
  | "response_too_large"
  | "connection_failed";

const messages: Record<EgressErrorCode, string> = {
  invalid_url: "The URL is not valid",
  blocked_scheme: "Only http and https URLs are allowed",
  blocked_port: "This port is not allowed",
  blocked_address: "This destination is a private or reserved address",
  dns_failed: "The host name could not be resolved",
  too_many_redirects: "The server redirected too many times",
  timeout: "The request timed out",
  response_too_large: "The response is too large",
  connection_failed: "Could not connect to the server",
};

export class EgressError extends Error {
  readonly code: EgressErrorCode;

  constructor(code: EgressErrorCode, options?: { cause?: unknown }) {
    super(messages[code], options);
    this.name = "EgressError";
    this.code = code;
  }
}
