import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3Store } from "@/lib/storage/s3-store";
import { type FakeS3, startFakeS3 } from "../../fixtures/fake-s3/server";

const credentials = {
  bucket: "atelier-test",
  region: "eu-west-1",
  accessKeyId: "AKIATESTATELIER",
  secretAccessKey: "test-secret-key-for-the-fake-s3-server",
};

let s3: FakeS3;

beforeAll(async () => {
  s3 = await startFakeS3(credentials);
});

afterAll(async () => {
  await s3?.close();
});

describe("[STORAGE]: S3-compatible object storage", () => {
  it("puts, reads, checks and deletes an object with signed path-style requests under the prefix", async () => {
    const store = s3Store({
      ...credentials,
      endpoint: s3.url,
      forcePathStyle: true,
      prefix: "inst-1",
    });
    const bytes = new TextEncoder().encode("knowledge bytes");
    await store.put("knowledge/user1/abc.txt", bytes, "text/plain");

    expect(s3.objects.get("inst-1/knowledge/user1/abc.txt")?.contentType).toBe("text/plain");
    expect((await store.get("knowledge/user1/abc.txt"))?.toString()).toBe("knowledge bytes");
    expect(await store.exists("knowledge/user1/abc.txt")).toBe(true);

    await store.delete("knowledge/user1/abc.txt");
    expect(await store.exists("knowledge/user1/abc.txt")).toBe(false);
    expect(await store.get("knowledge/user1/abc.txt")).toBeNull();
    expect(s3.requests.at(-1)).toEqual({
      method: "GET",
      path: "/atelier-test/inst-1/knowledge/user1/abc.txt",
    });
  });

  it("fails loudly, naming the S3 error, when the credentials are wrong", async () => {
    const store = s3Store({
      ...credentials,
      secretAccessKey: "not-the-right-secret",
      endpoint: s3.url,
      forcePathStyle: true,
    });
    await expect(store.put("avatars/u/x.webp", new Uint8Array([1, 2, 3]))).rejects.toThrow(
      "Object storage PUT avatars/u/x.webp failed: SignatureDoesNotMatch",
    );
    expect(s3.objects.has("avatars/u/x.webp")).toBe(false);
  });
});
