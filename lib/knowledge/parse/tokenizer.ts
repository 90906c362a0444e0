import { decode, encode as encodeWithSpecials } from "gpt-tokenizer/encoding/o200k_base";

/**
 * o200k_base: the encoding of the models this store targets (GPT-4o, GPT-4.1, GPT-5, o-series),
 * so chunk sizes and the per-file limit are counted the way the chat model will count them when
 * chunks are put into its context. cl100k loads faster (~150 ms vs ~360 ms per worker) but
 * miscounts non-English text for those models.
 *
 * Special tokens are encoded as plain text: a file that contains "<|endoftext|>" is just text,
 * and the library's default (throw) would fail the whole file.
 */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export function encode(text: string): number[] {
  return encodeWithSpecials(text, AS_PLAIN_TEXT);
}

export { decode };
