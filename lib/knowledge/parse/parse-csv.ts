import Papa from "papaparse";
import { CSV_DELIMITERS } from "./accepted-types";
import { KnowledgeParseError } from "./errors";
import type { ParsedDocument } from "./parsed-document";

/**
 * Each row is one segment (rows are never split) and the header row is repeated at the top of
 * every chunk, so a retrieved chunk still says what its columns mean. Rows are re-serialised with
 * papaparse so quoted fields containing newlines or delimiters stay intact.
 */
export function parseCsv(text: string): ParsedDocument {
  const result = Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    delimitersToGuess: CSV_DELIMITERS,
  });
  const rows = result.data;
  if (rows.length === 0) throw new KnowledgeParseError("This CSV file has no rows.");
  const delimiter = result.meta.delimiter || ",";
  const serialise = (row: string[]) => Papa.unparse([row], { delimiter, newline: "\n" });
  const [header, ...body] = rows;
  if (body.length === 0) {
    return {
      segments: [{ text: serialise(header), page: null, heading: null }],
      pageCount: null,
      separator: "\n",
      chunkHeader: null,
    };
  }
  return {
    segments: body.map((row) => ({ text: serialise(row), page: null, heading: null })),
    pageCount: null,
    separator: "\n",
    chunkHeader: serialise(header),
  };
}
