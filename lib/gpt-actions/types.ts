/**
 * Browser-safe shapes of actions: what the builder shows and what the chat streams. Nothing here
 * carries a credential; `hasSecret` says one is stored ("•••• set").
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";

export type JsonSchema = Record<string, unknown>;

export type ActionParameterView = {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

export type ActionOperationView = {
  key: string;
  operationId: string | null;
  toolName: string;
  /** MCP tools have no HTTP method of their own: "TOOL". */
  method: HttpMethod | "TOOL";
  /** The path template (OpenAPI) or the tool name (MCP). */
  path: string;
  summary: string | null;
  description: string;
  parameters: ActionParameterView[];
  requestBody: { contentType: string; required: boolean; schema: JsonSchema } | null;
  /** One object schema of the model's arguments (parameters by name, plus `body`). */
  inputSchema: JsonSchema;
  /** Asks the user every time (non-GET, x-openai-isConsequential, MCP tools not marked read-only). */
  isConsequential: boolean;
  isEnabled: boolean;
  warnings: string[];
};

export const API_KEY_PLACEMENTS = ["header", "query", "basic", "bearer"] as const;
export type ApiKeyPlacement = (typeof API_KEY_PLACEMENTS)[number];

export const OAUTH_TOKEN_AUTH_METHODS = ["client_secret_post", "client_secret_basic"] as const;
export type OAuthTokenAuthMethod = (typeof OAUTH_TOKEN_AUTH_METHODS)[number];

export type ActionAuthView =
  | { kind: "none" }
  | { kind: "api_key"; placement: ApiKeyPlacement; name: string; hasSecret: boolean }
  | {
      kind: "oauth";
      clientId: string;
      authorizeUrl: string;
      tokenUrl: string;
      scopes: string;
      tokenAuthMethod: OAuthTokenAuthMethod;
      hasSecret: boolean;
    };

export type ActionView = {
  id: string;
  kind: "openapi" | "mcp";
  name: string;
  /** Host the calls go to, as shown in consent prompts and chat steps. */
  domain: string;
  serverUrl: string;
  sourceUrl: string | null;
  /** The OpenAPI document as saved (the owner's own text); null for MCP. */
  schemaText: string | null;
  operations: ActionOperationView[];
  auth: ActionAuthView;
  privacyPolicyUrl: string | null;
  updatedAt: string;
};

/** What an OpenAPI document turns into before it is saved (the builder's preview). */
export type OpenApiPreview =
  | {
      ok: true;
      title: string;
      version: string;
      convertedFrom?: "2.0";
      serverUrl: string | null;
      operations: ActionOperationView[];
      warnings: { path: string; message: string }[];
      /** The text that was parsed (fetched from the URL when imported). */
      schemaText: string;
      /** Auth schemes the document declares, as a starting point for the auth form. */
      suggestedAuth: ActionAuthView | null;
    }
  | { ok: false; problems: { path: string; message: string }[] };

/** The builder's Test panel result: the request as sent (credentials masked) and the response. */
export type ActionTestResult = {
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  response: {
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: string;
    isTruncated: boolean;
  } | null;
  /** Why no response arrived, or why the arguments were refused. */
  error: string | null;
  durationMs: number;
};

export type ActionCallLogEntry = {
  id: string;
  createdAt: string;
  actionId: string;
  source: "CHAT" | "PREVIEW" | "TEST";
  operation: string;
  method: string;
  domain: string;
  status: number | null;
  latencyMs: number;
  error: string | null;
};

/** A chat message part (streamed and stored) for one action call: id = the tool call's id. */
export const ACTION_CALL_PART_TYPE = "data-action-call";

export type ActionCallState =
  | "awaiting_consent"
  | "awaiting_connection"
  | "running"
  | "done"
  | "failed"
  | "denied";

export type ActionCallPartData = {
  toolCallId: string;
  actionId: string;
  domain: string;
  /** operationId or tool name. */
  operation: string;
  method: string;
  state: ActionCallState;
  /** What will be sent where (credentials masked); shown in the consent prompt and the step. */
  request: { method: string; url: string; body: string | null };
  isConsequential: boolean;
  /** Set while awaiting the user: answer with POST /api/actions/prompts/:promptId. */
  promptId?: string;
  /** Set while awaiting a connection: open it to sign in (OAuth), the call goes on afterwards. */
  connectUrl?: string;
  result?: {
    status: number | null;
    latencyMs: number;
    error: string | null;
    /** The first characters of the response body (for the collapsible step). */
    preview: string;
    isTruncated: boolean;
  };
};

export type ActionCallPart = {
  type: typeof ACTION_CALL_PART_TYPE;
  id: string;
  data: ActionCallPartData;
};

export type PromptDecision = "allow" | "always" | "deny";

/** A user's OAuth connection, for "Connected accounts". */
export type ActionConnectionView = {
  id: string;
  gptId: string;
  gptName: string;
  actionId: string;
  domain: string;
  scope: string | null;
  connectedAt: string;
};
