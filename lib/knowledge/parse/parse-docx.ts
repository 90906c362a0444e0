import mammoth from "mammoth";
import { KnowledgeParseError } from "./errors";
import { parseHtml } from "./parse-html";
import type { ParsedDocument } from "./parsed-document";
import { assertSafeZip } from "./zip-guard";

/**
 * DOCX → HTML with mammoth (which maps Word's heading styles to h1-h6), then the HTML parser.
 * The zip is vetted first: mammoth's JSZip would inflate a bomb entirely in memory.
 */
export async function parseDocx(bytes: Uint8Array): Promise<ParsedDocument> {
  assertSafeZip(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      // Images would be inlined as base64 data URIs: never read them, we only want text.
      { convertImage: mammoth.images.imgElement(async () => ({ src: "" })) },
    );
    html = result.value;
  } catch {
    throw new KnowledgeParseError("This DOCX file is damaged or incomplete, so it can't be read.");
  }
  return parseHtml(html);
}
