-- What drizzle-kit cannot express, for PostgreSQL (the SQLite equivalents are
-- db/search.sql and migration 0006 of db/migrations).
--
-- Full-text search: a stored tsvector per searchable table, weighted as the
-- FTS5 ranking is (title over standfirst over body), with a GIN index.
-- lib/search/public.ts queries these with websearch-style tsqueries and
-- ts_headline for snippets. Generated columns: no code path can forget them.
ALTER TABLE "stories" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('english'::regconfig, coalesce("standfirst", '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, coalesce("body_text", '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "stories_search" ON "stories" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, coalesce("body", '') || ' ' || coalesce("venue", '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "events_search" ON "events" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english'::regconfig, coalesce("name", '')), 'A') ||
	setweight(to_tsvector('english'::regconfig, coalesce("job_title", '') || ' ' || coalesce("department", '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, coalesce("bio", '') || ' ' || coalesce("expertise"::text, '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "people_search" ON "people" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "open_days" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('english'::regconfig, coalesce("summary", '')), 'B') ||
	setweight(to_tsvector('english'::regconfig, coalesce("campus", '') || ' ' || coalesce("subjects"::text, '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "open_days_search" ON "open_days" USING gin ("search");
--> statement-breakpoint
-- The listing generation (lib/stories/listing-index.ts, docs/decisions/0008): bumped by these
-- triggers on every change to what the public story lists read, from any instance.
CREATE TABLE "listing_generation" (
	"id" integer PRIMARY KEY NOT NULL CHECK ("id" = 1),
	"n" bigint NOT NULL
);
--> statement-breakpoint
INSERT INTO "listing_generation" ("id", "n") VALUES (1, 0);
--> statement-breakpoint
CREATE FUNCTION "bump_listing_generation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "listing_generation" SET "n" = "n" + 1 WHERE "id" = 1;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "stories_listing_insert_delete" AFTER INSERT OR DELETE ON "stories"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_listing_generation"();
--> statement-breakpoint
CREATE TRIGGER "stories_listing_update" AFTER UPDATE OF "id", "type", "status", "publish_at", "unpublish_at" ON "stories"
	FOR EACH ROW WHEN (old."id" IS DISTINCT FROM new."id" OR old."type" IS DISTINCT FROM new."type"
		OR old."status" IS DISTINCT FROM new."status" OR old."publish_at" IS DISTINCT FROM new."publish_at"
		OR old."unpublish_at" IS DISTINCT FROM new."unpublish_at")
	EXECUTE FUNCTION "bump_listing_generation"();
--> statement-breakpoint
CREATE TRIGGER "story_topics_listing" AFTER INSERT OR UPDATE OR DELETE ON "story_topics"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_listing_generation"();
--> statement-breakpoint
CREATE TRIGGER "story_authors_listing" AFTER INSERT OR UPDATE OR DELETE ON "story_authors"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_listing_generation"();
--> statement-breakpoint
CREATE TRIGGER "topics_listing" AFTER INSERT OR UPDATE OR DELETE ON "topics"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_listing_generation"();
