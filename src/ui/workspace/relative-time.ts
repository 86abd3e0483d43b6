/** "3 minutes ago"-style labels for when a workspace was last saved. */

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** `then` relative to `now` in the largest whole unit ("2 hours ago"); under a minute is "just now". */
export function relativeTime(then: number, now: number, locale?: string): string {
  const ago = now - then;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(ago) >= ms) return rtf.format(-Math.trunc(ago / ms), unit);
  }
  return 'just now';
}
