-- Full-text search (FTS5), applied after the drizzle migrations on every
-- start; every statement is idempotent. External-content tables mirror the
-- source rows, and triggers keep them in step inside the writing
-- transaction, so no code path can forget to update the index.

CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
  title, standfirst, body,
  content='stories', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS stories_fts_ai AFTER INSERT ON stories BEGIN
  INSERT INTO stories_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;
CREATE TRIGGER IF NOT EXISTS stories_fts_ad AFTER DELETE ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
END;
CREATE TRIGGER IF NOT EXISTS stories_fts_au AFTER UPDATE OF title, standfirst, body ON stories BEGIN
  INSERT INTO stories_fts(stories_fts, rowid, title, standfirst, body) VALUES ('delete', old.id, old.title, old.standfirst, old.body);
  INSERT INTO stories_fts(rowid, title, standfirst, body) VALUES (new.id, new.title, new.standfirst, new.body);
END;

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
