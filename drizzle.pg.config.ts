import { defineConfig } from "drizzle-kit";

// The PostgreSQL migrations, generated from the same db/schema.ts built with
// PostgreSQL columns (db/columns.ts): npm run db:generate runs both configs.
process.env.DATABASE_URL ||= "postgres://localhost/newsroom";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  // DRIZZLE_OUT: a copy of the folder, for the test that checks the committed migrations match the schema.
  out: process.env.DRIZZLE_OUT ?? "./db/migrations-pg",
  dbCredentials: { url: process.env.DATABASE_URL },
});
