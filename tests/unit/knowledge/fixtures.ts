import { readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";

const dir = path.resolve(import.meta.dirname, "../../fixtures/knowledge");

/** A committed fixture from tests/fixtures/knowledge (see generate-fixtures.ts). */
export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(dir, name)));
}

const CONTENT_TYPES = strToU8(
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

/** A DOCX-shaped zip whose word/document.xml is `inflatedBytes` of zeros (deflates ~1000:1). */
export function zipBombDocx(inflatedBytes: number): Uint8Array {
  return zipSync(
    { "[Content_Types].xml": CONTENT_TYPES, "word/document.xml": new Uint8Array(inflatedBytes) },
    { level: 6 },
  );
}

/**
 * Rewrites the declared uncompressed size of every entry, in the local headers and the central
 * directory, to `declared`: a bomb that lies about its size to pass a header-only check.
 */
export function withLyingSizes(zip: Uint8Array, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, declared, true); // local file header
    if (signature === 0x02014b50) view.setUint32(i + 24, declared, true); // central directory
  }
  return out;
}

/** A zip that is not a Word document (an .xlsx has xl/workbook.xml instead). */
export function xlsxLikeZip(): Uint8Array {
  return zipSync({
    "[Content_Types].xml": CONTENT_TYPES,
    "xl/workbook.xml": strToU8("<workbook/>"),
  });
}
