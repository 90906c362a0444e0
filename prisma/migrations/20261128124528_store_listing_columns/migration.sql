-- AlterTable
ALTER TABLE "Gpt" ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "publishedCategoryId" TEXT;

-- CreateIndex
CREATE INDEX "Gpt_publishedAt_idx" ON "Gpt"("publishedAt" DESC);

-- CreateIndex
CREATE INDEX "Gpt_publishedCategoryId_trendingScore_idx" ON "Gpt"("publishedCategoryId", "trendingScore" DESC);

-- Hand-written: the listing columns of every published GPT, from its published version.
UPDATE "Gpt" g
SET "publishedAt" = v."createdAt", "publishedCategoryId" = v."categoryId"
FROM "GptVersion" v
WHERE v."id" = g."publishedVersionId";

-- Hand-written: Gpt.searchText (the typo-tolerant trigram match) now holds only the short fields:
-- name, category and creator. Matching the trigrams of whole descriptions cost ~20x the full-text
-- match at 10,000 GPTs (npm run bench:store); descriptions stay in searchVector.
UPDATE "Gpt" g
SET "searchText" = lower(concat_ws(' ', v."name", c."name", p."displayName"))
FROM "GptVersion" v
LEFT JOIN "Category" c ON c."id" = v."categoryId"
LEFT JOIN "BuilderProfile" p ON p."userId" = (SELECT "ownerId" FROM "Gpt" WHERE "id" = v."gptId")
WHERE v."id" = g."publishedVersionId";
