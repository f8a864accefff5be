// Calendar helpers for the K-Mart tables: ISO dates in UTC so that weekdays
// and months never depend on the host's time zone.

export interface Day {
  iso: string;
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Day of the year, 0-based. */
  dayOfYear: number;
  /** Days since the first day of the range. */
  index: number;
}

export function dayRange(fromIso: string, toIso: string): Day[] {
  const out: Day[] = [];
  const end = Date.parse(`${toIso}T00:00:00Z`);
  let index = 0;
  for (let t = Date.parse(`${fromIso}T00:00:00Z`); t <= end; t += 86400_000, index++) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    out.push({
      iso: d.toISOString().slice(0, 10),
      year,
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      weekday: d.getUTCDay(),
      dayOfYear: Math.round((t - Date.UTC(year, 0, 1)) / 86400_000),
      index,
    });
  }
  return out;
}

export const isWeekend = (d: Day): boolean => d.weekday === 0 || d.weekday === 6;

/** n-th (1-based; -1 = last) given weekday of a month, as a day-of-month number. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return lastDay - ((last - weekday + 7) % 7);
}

/** Easter Sunday (anonymous Gregorian algorithm), for Good Friday. */
function easter(year: number): { month: number; day: number } {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/**
 * NYMEX trading holidays that fall on weekdays (observed dates): the WTI
 * series has no price on these days, which the course data shows as NaN.
 */
export function isMarketHoliday(d: Day): boolean {
  const { year, month, day, weekday } = d;
  const observed = (m: number, dd: number) => {
    // A holiday on Saturday is observed on Friday, on Sunday on Monday.
    const w = new Date(Date.UTC(year, m - 1, dd)).getUTCDay();
    const shift = w === 6 ? -1 : w === 0 ? 1 : 0;
    const t = new Date(Date.UTC(year, m - 1, dd + shift));
    return t.getUTCMonth() + 1 === month && t.getUTCDate() === day;
  };
  if (weekday === 0 || weekday === 6) return false;
  if (observed(1, 1) || observed(7, 4) || observed(12, 25)) return true;
  if (month === 1 && day === nthWeekday(year, 1, 1, 3)) return true; // Martin Luther King Jr. Day
  if (month === 2 && day === nthWeekday(year, 2, 1, 3)) return true; // Presidents' Day
  if (month === 5 && day === nthWeekday(year, 5, 1, -1)) return true; // Memorial Day
  if (month === 9 && day === nthWeekday(year, 9, 1, 1)) return true; // Labor Day
  if (month === 11 && day === nthWeekday(year, 11, 4, 4)) return true; // Thanksgiving
  const e = easter(year);
  const goodFriday = new Date(Date.UTC(year, e.month - 1, e.day - 2));
  return goodFriday.getUTCMonth() + 1 === month && goodFriday.getUTCDate() === day;
}
