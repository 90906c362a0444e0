import { route } from "@/lib/http/route";
import {
  knowledgeSearchInputSchema,
  searchKnowledgeConsole,
} from "@/lib/knowledge/retrieval/search-console";

export const dynamic = "force-dynamic";

/**
 * The retrieval console (owner only; 404 for others): `{ query, topK?, minScore?, source? }` →
 * `{ results, mode, tookMs }`.
 */
export const POST = route<typeof knowledgeSearchInputSchema, { id: string }>(
  { access: "user", body: knowledgeSearchInputSchema },
  ({ actor, body, params }) => searchKnowledgeConsole({ actor, gptId: params.id, input: body }),
);
