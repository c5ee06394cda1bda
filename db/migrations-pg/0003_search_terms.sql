-- The stories index's term list for "Did you mean" (lib/search/suggest.ts), as
-- cheap to read as SQLite's stories_fts_vocab (db/search.sql): without it,
-- every lookup ran ts_stat over every story's tsvector (~1.4 s an initial
-- letter at 100,000 stories). docs/decisions/0010 (addendum).
--
-- search_terms holds (word, ndoc) as of its last refresh, over every story as
-- fts5vocab does (drafts included: suggest.ts offers a word only once a public
-- story holds it, and a view cannot hold "public now", which moves with the
-- clock). Its word column is in the "C" collation, so the unique index below
-- is at once what REFRESH … CONCURRENTLY needs and a byte-order index for the
-- initial-letter range (what text_pattern_ops would give), in the order
-- SQLite's vocabulary has.
--
-- ts_stat is called from a function rather than in the view: ts_stat plans
-- its query text only when it runs, and from PostgreSQL 17 CREATE and REFRESH
-- MATERIALIZED VIEW run with search_path = pg_catalog, pg_temp, where an
-- unqualified "stories" is not found. SET search_path FROM CURRENT keeps the
-- schema this migration runs in.
CREATE FUNCTION "search_terms_source"() RETURNS TABLE ("word" text, "ndoc" integer) LANGUAGE sql STABLE
	SET search_path FROM CURRENT
	AS $$ SELECT word, ndoc FROM ts_stat('SELECT search FROM stories') $$;
--> statement-breakpoint
CREATE MATERIALIZED VIEW "search_terms" AS
	SELECT word COLLATE "C" AS "word", ndoc AS "ndoc" FROM "search_terms_source"();
--> statement-breakpoint
CREATE UNIQUE INDEX "search_terms_word" ON "search_terms" ("word");
--> statement-breakpoint
-- The stories written since the last refresh, filled by the triggers below in
-- the writing transaction: suggest.ts reads the view plus ts_stat over these
-- stories only, so a word is offered as soon as its story commits (as on
-- SQLite), and the refresh (lib/search/jobs.ts) empties what it has read.
-- Deleted stories are not listed: their words linger until the next refresh,
-- which is harmless for the reason above.
CREATE TABLE "search_terms_pending" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"story_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE FUNCTION "search_terms_pending_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "search_terms_pending" ("story_id") SELECT "id" FROM "new_rows";
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "search_terms_pending_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO "search_terms_pending" ("story_id") VALUES (new."id");
	RETURN NULL;
END;
$$;
--> statement-breakpoint
-- One statement-level trigger for inserts (a seed or an import adds thousands of rows a statement).
CREATE TRIGGER "stories_search_terms_insert" AFTER INSERT ON "stories"
	REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "search_terms_pending_insert"();
--> statement-breakpoint
-- Row-level for updates (a transition table cannot go with a column list): only when the indexed words changed.
CREATE TRIGGER "stories_search_terms_update" AFTER UPDATE OF "title", "standfirst", "body_text" ON "stories"
	FOR EACH ROW WHEN (old."search" IS DISTINCT FROM new."search")
	EXECUTE FUNCTION "search_terms_pending_update"();
