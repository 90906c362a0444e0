-- CreateIndex
CREATE INDEX "GptVersion_instructions_trgm_idx" ON "GptVersion" USING GIN ("instructions" gin_trgm_ops);
