-- Full-text search (FTS5), applied after the drizzle migrations on every
-- start; every statement is idempotent. External-content tables mirror the
-- source rows, and triggers keep them in step inside the writing
-- transaction, so no code path can forget to update the index.

-- Stories index the plain-text body (stories.body_text, db/search-text.ts),
-- so snippets carry no Markdown and URLs are not searchable words. Prefix
-- indexes for 2, 3 and 4 characters keep "univ*" from merging the postings
-- of every term it covers (at 100,000 stories: p95 58 -> 20 ms for prefixes,
-- index +9 %); detail stays full because phrases need positions.
-- db/migrate.ts drops and rebuilds this table when its definition changes.
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
  title, standfirst, body_text,
  content='stories', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2', prefix='2 3 4'
);
CREATE TRIGGER IF NOT EXISTS stories_fts_ai AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts(rowid, title, standfirst, body_text) VALUES (new.id, new.title, new.standfirst, new.body_text);
END;
CREATE TRIGGER IF NOT EXISTS stories_fts_ad AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
END;
CREATE TRIGGER IF NOT EXISTS stories_fts_au AFTER UPDATE OF title, standfirst, body_text ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, standfirst, body_text) VALUES ('delete', old.id, old.title, old.standfirst, old.body_text);
  INSERT INTO stories_fts(rowid, title, standfirst, body_text) VALUES (new.id, new.title, new.standfirst, new.body_text);
END;
-- The index's own term list (stemmed), read by "Did you mean" (lib/search/suggest.ts).
CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts_vocab USING fts5vocab(stories_fts, 'row');

CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(
  title, summary, body, venue,
  content='events', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS events_fts_ai AFTER INSERT ON events BEGIN
  INSERT INTO events_fts(rowid, title, summary, body, venue) VALUES (new.id, new.title, new.summary, new.body, new.venue);
END;
CREATE TRIGGER IF NOT EXISTS events_fts_ad AFTER DELETE ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, summary, body, venue) VALUES ('delete', old.id, old.title, old.summary, old.body, old.venue);
END;
CREATE TRIGGER IF NOT EXISTS events_fts_au AFTER UPDATE OF title, summary, body, venue ON events BEGIN
  INSERT INTO events_fts(events_fts, rowid, title, summary, body, venue) VALUES ('delete', old.id, old.title, old.summary, old.body, old.venue);
  INSERT INTO events_fts(rowid, title, summary, body, venue) VALUES (new.id, new.title, new.summary, new.body, new.venue);
END;

CREATE VIRTUAL TABLE IF NOT EXISTS people_fts USING fts5(
  name, job_title, department, bio, expertise,
  content='people', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS people_fts_ai AFTER INSERT ON people BEGIN
  INSERT INTO people_fts(rowid, name, job_title, department, bio, expertise) VALUES (new.id, new.name, new.job_title, new.department, new.bio, new.expertise);
END;
CREATE TRIGGER IF NOT EXISTS people_fts_ad AFTER DELETE ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, name, job_title, department, bio, expertise) VALUES ('delete', old.id, old.name, old.job_title, old.department, old.bio, old.expertise);
END;
CREATE TRIGGER IF NOT EXISTS people_fts_au AFTER UPDATE OF name, job_title, department, bio, expertise ON people BEGIN
  INSERT INTO people_fts(people_fts, rowid, name, job_title, department, bio, expertise) VALUES ('delete', old.id, old.name, old.job_title, old.department, old.bio, old.expertise);
  INSERT INTO people_fts(rowid, name, job_title, department, bio, expertise) VALUES (new.id, new.name, new.job_title, new.department, new.bio, new.expertise);
END;

-- Open days: title, summary, campus and subjects (a JSON array: the
-- tokenizer reads only its words; lib/search/public.ts shows it as a list).
CREATE VIRTUAL TABLE IF NOT EXISTS open_days_fts USING fts5(
  title, summary, campus, subjects,
  content='open_days', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS open_days_fts_ai AFTER INSERT ON open_days BEGIN
  INSERT INTO open_days_fts(rowid, title, summary, campus, subjects) VALUES (new.id, new.title, new.summary, new.campus, new.subjects);
END;
CREATE TRIGGER IF NOT EXISTS open_days_fts_ad AFTER DELETE ON open_days BEGIN
  INSERT INTO open_days_fts(open_days_fts, rowid, title, summary, campus, subjects) VALUES ('delete', old.id, old.title, old.summary, old.campus, old.subjects);
END;
CREATE TRIGGER IF NOT EXISTS open_days_fts_au AFTER UPDATE OF title, summary, campus, subjects ON open_days BEGIN
  INSERT INTO open_days_fts(open_days_fts, rowid, title, summary, campus, subjects) VALUES ('delete', old.id, old.title, old.summary, old.campus, old.subjects);
  INSERT INTO open_days_fts(rowid, title, summary, campus, subjects) VALUES (new.id, new.title, new.summary, new.campus, new.subjects);
END;
