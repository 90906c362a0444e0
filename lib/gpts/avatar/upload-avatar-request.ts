import { uploadFileRequest } from "../api-client";

export type UploadedAvatar = { key: string; url: string };

/** Uploads a picture to POST /api/gpts/avatars, reporting progress. */
export function uploadAvatarRequest(options: {
  file: File;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<UploadedAvatar> {
  return uploadFileRequest<UploadedAvatar>({
    ...options,
    url: "/api/gpts/avatars",
    failureMessage: "The picture could not be uploaded. Please try again.",
  });
}
