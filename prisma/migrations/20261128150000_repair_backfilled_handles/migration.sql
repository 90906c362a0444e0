-- Hand-written. The store migration's handle backfill cut the name to 23 characters after trimming
-- hyphens, so a name cut at a word boundary left "name--1a2b3c". The handle rules refuse "--", so
-- those creators could not save their profile without picking a new URL. Collapse the runs of
-- hyphens (lib/users/handle.ts initialHandle makes the same handle for new profiles); a profile
-- whose repaired handle someone already holds keeps its old one.
UPDATE "BuilderProfile" AS p
SET "handle" = regexp_replace(p."handle", '-{2,}', '-', 'g')
WHERE p."handle" LIKE '%--%'
  AND NOT EXISTS (
    SELECT 1 FROM "BuilderProfile" other
    WHERE other."handle" = regexp_replace(p."handle", '-{2,}', '-', 'g')
  );
