import "server-only";
import { AwsClient } from "aws4fetch";
import type { BlobStore } from "./blob-store";

export type S3StoreConfig = {
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** e.g. https://s3.eu-west-1.amazonaws.com, http://minio:9000, https://<account>.r2.cloudflarestorage.com */
  endpoint?: string;
  /** bucket in the path (MinIO, most self-hosted servers) rather than in the host name. */
  forcePathStyle: boolean;
  /** Folder inside the bucket, so one bucket can serve several instances. */
  prefix?: string;
};

/**
 * Any S3-compatible object store (AWS S3, Cloudflare R2, MinIO, Backblaze B2, Ceph…), spoken to
 * with SigV4-signed fetch requests: four verbs are all Atelier needs, so no SDK.
 */
export function s3Store(config: S3StoreConfig): BlobStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    service: "s3",
    region: config.region,
    retries: 2,
  });
  const endpoint = new URL(config.endpoint ?? `https://s3.${config.region}.amazonaws.com`);
  const prefix = config.prefix ? `${config.prefix.replace(/^\/+|\/+$/g, "")}/` : "";

  const urlOf = (key: string) => {
    const objectPath = `${prefix}${key}`.split("/").map(encodeURIComponent).join("/");
    const url = new URL(endpoint);
    if (config.forcePathStyle) {
      url.pathname = `${url.pathname.replace(/\/$/, "")}/${config.bucket}/${objectPath}`;
    } else {
      url.hostname = `${config.bucket}.${url.hostname}`;
      url.pathname = `/${objectPath}`;
    }
    return url.toString();
  };

  async function request(method: string, key: string, init: RequestInit = {}) {
    const response = await client.fetch(urlOf(key), { method, ...init });
    if (response.ok || response.status === 404) return response;
    const detail = await response.text().catch(() => "");
    const code = /<Code>([^<]+)<\/Code>/.exec(detail)?.[1] ?? `HTTP ${response.status}`;
    throw new Error(`Object storage ${method} ${key} failed: ${code}`);
  }

  return {
    async put(key, bytes, contentType = "application/octet-stream") {
      // A copy typed as ArrayBuffer-backed, which fetch accepts.
      await request("PUT", key, {
        body: new Uint8Array(bytes),
        headers: { "content-type": contentType },
      });
    },
    async get(key) {
      const response = await request("GET", key);
      if (response.status === 404) return null;
      return Buffer.from(await response.arrayBuffer());
    },
    async exists(key) {
      const response = await request("HEAD", key);
      return response.status !== 404;
    },
    async delete(key) {
      await request("DELETE", key);
    },
  };
}
