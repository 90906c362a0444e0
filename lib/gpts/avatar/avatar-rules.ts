/**
 * What an uploaded avatar may be. Browser-safe: the picker checks these before uploading (a quick
 * hint), and the server checks them again on the file's content (the rule that counts).
 */
export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;

/** Avatars are stored as square WebP pictures of this many pixels a side. */
export const AVATAR_SIZE_PX = 512;

export const ACCEPTED_AVATAR_TYPES = {
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "image/webp": [".webp"],
  "image/gif": [".gif"],
} as const;

export const ACCEPTED_AVATAR_LABEL = "PNG, JPEG, WebP or GIF";
