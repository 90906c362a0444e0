import "server-only";
import { prisma } from "../db";
import { env } from "../env";
import { sealSecret } from "../security/secret-box";

const OPENAI_BASE_URL = "https://api.openai.com/v1";

/**
 * OPENAI_API_KEY (+ OPENAI_BASE_URL, DEFAULT_MODEL) creates the first model when the catalog is
 * empty, so a one-variable setup can chat. Once any model exists the admin page is the source of
 * truth and env is ignored.
 */
export async function bootstrapModelFromEnv(): Promise<string | null> {
  if (!env.OPENAI_API_KEY) return null;
  if ((await prisma.modelConfig.count()) > 0) return null;
  const model = await prisma.modelConfig.create({
    data: {
      displayName: env.DEFAULT_MODEL,
      baseUrl: (env.OPENAI_BASE_URL ?? OPENAI_BASE_URL).replace(/\/+$/, ""),
      modelId: env.DEFAULT_MODEL,
      apiKeyCiphertext: await sealSecret(env.OPENAI_API_KEY),
      isDefault: true,
      isEnabled: true,
      // Set by the operator in the environment: trusted, like an admin's explicit exemption
      // (OPENAI_BASE_URL may well be an Ollama on localhost).
      isEgressExempt: true,
    },
  });
  return model.displayName;
}
