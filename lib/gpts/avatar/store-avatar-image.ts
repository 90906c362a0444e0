import "server-only";
import sharp from "sharp";
import { AppError } from "../../errors";
import { putObject, randomKeyPart } from "../../storage/storage";
import { AVATAR_KEY_PATTERN } from "../schemas";
import { ACCEPTED_AVATAR_LABEL, AVATAR_SIZE_PX, MAX_AVATAR_BYTES } from "./avatar-rules";

type AcceptedFormat = "png" | "jpeg" | "webp" | "gif";

/** Decompression bombs: a tiny file can claim a huge canvas. 40 MP covers any real photo. */
const MAX_INPUT_PIXELS = 40_000_000;

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

/**
 * The format by the file's first bytes. Only these four ever reach the decoder: an SVG, a PDF or
 * a text file renamed to .png is refused here, whatever its name or declared type says.
 */
function sniffFormat(bytes: Uint8Array): AcceptedFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

/** Rounded up, so a file just over the limit never reads "2.0 MB". */
function formatSize(bytes: number): string {
  return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
}

function refuse(message: string): never {
  throw new AppError("bad_request", message, { file: [message] });
}

/**
 * Checks an uploaded picture by its content (PNG, JPEG, WebP or GIF; at most 2 MB; animated ones
 * keep their first frame), crops it to a 512 px square and stores it as WebP under
 * `avatars/<ownerId>/<random>.webp`. Metadata (EXIF, GPS) is dropped by the re-encode. The key is
 * unguessable: avatars are served publicly by key. Throws AppError("bad_request") with a message
 * that says what is wrong.
 */
export async function storeAvatarImage({
  ownerId,
  bytes,
}: {
  ownerId: string;
  bytes: Uint8Array;
}): Promise<{ key: string }> {
  if (bytes.length === 0) refuse("The file is empty. Choose a picture.");
  if (bytes.length > MAX_AVATAR_BYTES) {
    refuse(`The picture is ${formatSize(bytes.length)}; the limit is 2 MB.`);
  }
  const format = sniffFormat(bytes);
  if (!format) {
    refuse(
      `This file is not a ${ACCEPTED_AVATAR_LABEL} image (its content was checked, not its name).`,
    );
  }

  let webp: Buffer;
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS });
    const metadata = await image.metadata();
    if (metadata.format !== format)
      throw new Error(`sniffed ${format}, decoded ${metadata.format}`);
    webp = await image
      .rotate() // honour EXIF orientation before the metadata is dropped
      .resize(AVATAR_SIZE_PX, AVATAR_SIZE_PX, { fit: "cover", position: "attention" })
      .webp({ quality: 82 })
      .toBuffer();
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) {
      refuse("This picture has too many pixels (over 40 megapixels). Use a smaller one.");
    }
    refuse("This picture is damaged or incomplete and cannot be read. Try another file.");
  }

  const key = `avatars/${ownerId}/${randomKeyPart()}.webp`;
  // Owner ids are cuids; anything else would produce a key the draft schema refuses later.
  if (!AVATAR_KEY_PATTERN.test(key)) throw new Error(`Unexpected owner id for an avatar key`);
  await putObject(key, webp);
  return { key };
}
