// Calendar dates (YYYY-MM-DD strings) and the one source of "today" for the
// validator, the build and the CLI: CATALOGUE_TODAY when set (tests, and
// anyone rebuilding a past site), else the date in Paris. Every date rule
// (no evaluation in the future, evaluations to update, grid transitions)
// reads it from here, so one setting makes a whole run reproducible.
import { DATE_PATTERN } from "./fields.ts";

const DATE = new RegExp(DATE_PATTERN);

export function todayInParis(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** Today for the catalogue: CATALOGUE_TODAY (YYYY-MM-DD) when set, else the date in Paris. */
export function catalogueToday(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const fixed = env.CATALOGUE_TODAY;
  if (fixed === undefined || fixed === "") return todayInParis(now);
  if (!isCalendarDate(fixed)) throw new Error(`CATALOGUE_TODAY invalide : date attendue au format AAAA-MM-JJ, par exemple 2026-11-23`);
  return fixed;
}

/** A real date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The same day `months` months later; a day the month lacks becomes its last
 * day: 2025-08-31 plus 6 months is 2026-02-28.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
