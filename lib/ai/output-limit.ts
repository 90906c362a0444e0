/** The longest answer one model call asks for (max_tokens), capped by the model's context window. */
export const MAX_OUTPUT_TOKENS = 4096;
