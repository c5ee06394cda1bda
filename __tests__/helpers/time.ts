/** Durations in milliseconds, as the schema stores instants. */
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
