import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  // DRIZZLE_OUT: a copy of the folder, for the test that checks the committed migrations match the schema.
  out: process.env.DRIZZLE_OUT ?? "./db/migrations",
  dbCredentials: { url: process.env.DATABASE_PATH ?? "data/newsroom.db" },
});
