import { apiRoute } from "@/lib/api/api-route";
import { listGptModels } from "@/lib/openai-compat/gpt-models";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ scope: "chat" }, ({ actor }) => listGptModels(actor));
