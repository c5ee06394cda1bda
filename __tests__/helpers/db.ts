import { openDatabase, setDb, type DB } from "@/db/client";

/** A freshly migrated in-memory database, installed as the process-wide one. */
export function freshDb(): DB {
  const db = openDatabase(":memory:");
  setDb(db);
  return db;
}

/** Every test in the file starts on its own fresh database. */
export function freshDbPerTest(): void {
  beforeEach(() => {
    freshDb();
  });
}
