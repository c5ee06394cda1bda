/**
 * Which database this process runs on, from DATABASE_URL: PostgreSQL for a
 * postgres:// (or postgresql://) URL, the embedded SQLite file otherwise.
 * Read once, when the schema is built, so every table matches the connection.
 */
export const dialect: "sqlite" | "pg" = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? "pg" : "sqlite";
export const isPg = dialect === "pg";
