/**
 * The few SQL fragments that SQLite and PostgreSQL spell differently, each
 * written once here so lib/ states a rule once for both databases
 * (docs/decisions/0011-two-databases.md). What both accept is written inline
 * instead (coalesce, case, string_agg(x, sep ORDER BY y), lower(x) LIKE).
 */
import { sql, type Column, type SQL } from "drizzle-orm";
import { isPg } from "./dialect";

/**
 * The column with SQLite's unary + in front, which keeps SQLite's planner
 * off every index that leads with it (the callers say which index they want
 * instead). PostgreSQL has no such hint (and no unary + on text); its
 * planner costs the indexes itself, so there the column is used as it is.
 */
export function unindexed<T = unknown>(column: Column): SQL<T> {
  return isPg ? sql<T>`${column}` : sql<T>`+${column}`;
}

/**
 * True when the JSON array of strings in `column` holds `value`, ignoring
 * case. SQLite reads the array with json_each; PostgreSQL stores the column
 * as jsonb and reads it with jsonb_array_elements_text.
 */
export function jsonArrayHasIgnoringCase(column: Column, value: string): SQL {
  return isPg
    ? sql`exists (select 1 from jsonb_array_elements_text(${column}) as element(value) where lower(element.value) = lower(${value}))`
    : sql`exists (select 1 from json_each(${column}) where lower(json_each.value) = lower(${value}))`;
}
