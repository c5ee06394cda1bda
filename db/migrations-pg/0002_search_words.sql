-- Search reads words as FTS5 does on SQLite (db/search.sql: porter unicode61
-- remove_diacritics 2): stemmed, accents folded, and no stop words. The
-- 'english' configuration of 0001 drops "or", "not", "the", "who"…, so a
-- reader could not find "Either OR neither" or a query of such words; and
-- "Jose" did not find "José". newsroom_english is 'english' with a
-- stemmer that keeps every word and unaccent in front of it.
-- unaccent ships with PostgreSQL (contrib) and is a trusted extension: the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE TEXT SEARCH DICTIONARY "newsroom_english_stem" (TEMPLATE = snowball, Language = english);
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION "newsroom_english" (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "newsroom_english" ALTER MAPPING FOR asciiword, asciihword, hword_asciipart WITH "newsroom_english_stem";
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "newsroom_english" ALTER MAPPING FOR word, hword, hword_part WITH unaccent, "newsroom_english_stem";
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION "newsroom_english" ALTER MAPPING FOR numword, numhword, hword_numpart WITH unaccent, simple;
--> statement-breakpoint
-- The columns again with the new configuration (PostgreSQL 15 cannot change a
-- generation expression; dropping a column drops its index). The weight
-- classes now give FTS5's bm25 column weights with ts_rank_cd's weights in
-- lib/search/engine-postgres.ts: stories title 10 (A), standfirst 4 (B),
-- body 1 (C); events title 10, summary 4, venue 2 (C), body 1 (D); people
-- name 10, expertise 6 (B), job title 4 and department 3 (C), bio 1 (D);
-- open days title 10, summary 4, campus and subjects 3 (C).
ALTER TABLE "stories" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "stories" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("standfirst", '')), 'B') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("body_text", '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "stories_search" ON "stories" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("summary", '')), 'B') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("venue", '')), 'C') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("body", '')), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "events_search" ON "events" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("name", '')), 'A') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("expertise"::text, '')), 'B') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("job_title", '') || ' ' || coalesce("department", '')), 'C') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("bio", '')), 'D')
) STORED;
--> statement-breakpoint
CREATE INDEX "people_search" ON "people" USING gin ("search");
--> statement-breakpoint
ALTER TABLE "open_days" DROP COLUMN "search";
--> statement-breakpoint
ALTER TABLE "open_days" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("title", '')), 'A') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("summary", '')), 'B') ||
	setweight(to_tsvector('newsroom_english'::regconfig, coalesce("campus", '') || ' ' || coalesce("subjects"::text, '')), 'C')
) STORED;
--> statement-breakpoint
CREATE INDEX "open_days_search" ON "open_days" USING gin ("search");
