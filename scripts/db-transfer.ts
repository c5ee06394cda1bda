/**
 * `npm run db:export -- <folder>` and `npm run db:import -- <folder>`: move
 * a newsroom between databases (db/transfer.ts). Both use the configured
 * database: DATABASE_URL=postgres://… for PostgreSQL, otherwise the SQLite
 * file (DATABASE_PATH / DATA_DIR). From SQLite to PostgreSQL:
 *
 *   npm run db:export -- backup/
 *   DATABASE_URL=postgres://… UPLOADS_DIR=/srv/newsroom/uploads npm run db:import -- backup/
 */
import { closeDatabase, databaseLabel, openConfigured } from "@/db/client";
import { exportDatabase, importDatabase, ImportError } from "@/db/transfer";
import { config } from "@/lib/config";

async function main(argv: string[]): Promise<void> {
  const [command, folder] = argv;
  if ((command !== "export" && command !== "import") || !folder) {
    throw new ImportError("usage: db-transfer.ts export|import <folder>");
  }
  const cfg = config();
  const db = await openConfigured(cfg.databasePath);
  const started = performance.now();
  try {
    const manifest = command === "export" ? await exportDatabase(db, folder, cfg.uploadsDir) : await importDatabase(db, folder, cfg.uploadsDir);
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const where = databaseLabel(cfg.databasePath);
    console.log(
      command === "export"
        ? `Exported ${rows} rows in ${Object.keys(manifest.tables).length} tables and ${manifest.uploads} uploads from ${where} to ${folder} in ${seconds} s.`
        : `Imported ${rows} rows and ${manifest.uploads} uploads from ${folder} into ${where} in ${seconds} s.`,
    );
  } finally {
    await closeDatabase(db);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ImportError ? error.message : error);
  process.exit(1);
});
