// The Hub's date floor. Repos created before the Hub recorded creation dates all carry the instant
// it back-filled them with, 2022-03-02T23:29:04–05Z: such a date means "created on or before
// 2022-03-02", not "created in March 2022". It is detected once, where dates enter the data (Hub
// records, the census store), and analyses count those models in one bucket before the floor month.

/** The month the backfill instant falls in: no analysis shows it as a month of backfilled models. */
export const FLOOR_MONTH = '2022-03';
/** The backfill day (UTC): a model dated on or before it may be older. */
export const FLOOR_DATE = '2022-03-02';

/** The Hub's creation-date backfill: repos older than its records all carry 2022-03-02T23:29:04–05Z. */
export function isBackfillDate(createdAt: string | undefined): boolean {
  if (createdAt === undefined) return false;
  const ms = Date.parse(createdAt);
  return ms >= BACKFILL_FROM_MS && ms < BACKFILL_TO_MS;
}

const BACKFILL_FROM_MS = Date.parse('2022-03-02T23:29:04Z');
const BACKFILL_TO_MS = Date.parse('2022-03-02T23:29:06Z');

/** Bit of a view's `flags` column: the creation day is the backfill's, an upper bound. */
export const CREATED_BACKFILL = 1;
