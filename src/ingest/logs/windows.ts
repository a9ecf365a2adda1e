import { LeadmapError } from '../../model/errors.js';
import type { LogOptions } from './options.js';
import { daysFromCivil, daysInMonth } from './timestamp.js';

/**
 * Time windows of a log (UTC calendar):
 * - month: calendar months, label "2025-03";
 * - term: school terms of a September–August year — autumn Sep–Dec, spring Jan–Apr, summer May–Aug —
 *   label "2025-26 autumn";
 * - wave: the whole log is one window, label = the wave label (default "all");
 * - custom: consecutive windows of `windowDays` days from `windowStart`, label = ISO start date.
 */
export interface Windowing {
  /** Window number of a day (days since 1970-01-01). */
  indexOfDay(day: number): number;
  label(index: number): string;
  /** Days the window spans (for the wave window: first to last event day of the log, inclusive). */
  lengthDays(index: number, firstDay: number, lastDay: number): number;
}

export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

const TERMS = ['autumn', 'spring', 'summer'] as const;

export function makeWindowing(o: Pick<LogOptions, 'window' | 'windowDays' | 'windowStart' | 'waveLabel'>): Windowing {
  switch (o.window) {
    case 'month':
      return {
        indexOfDay(day) {
          const { y, m } = civilFromDays(day);
          return y * 12 + m - 1;
        },
        label(i) {
          return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
        },
        lengthDays(i) {
          return daysInMonth(Math.floor(i / 12), (i % 12) + 1);
        },
      };
    case 'term':
      return {
        indexOfDay(day) {
          const { y, m } = civilFromDays(day);
          const schoolYear = m >= 9 ? y : y - 1;
          return schoolYear * 3 + (m >= 9 ? 0 : m <= 4 ? 1 : 2);
        },
        label(i) {
          const sy = Math.floor(i / 3);
          return `${sy}-${String((sy + 1) % 100).padStart(2, '0')} ${TERMS[i % 3]}`;
        },
        lengthDays(i) {
          const sy = Math.floor(i / 3);
          const t = i % 3;
          const bounds: Array<[number, number]> =
            t === 0
              ? [
                  [sy, 9],
                  [sy + 1, 1],
                ]
              : t === 1
                ? [
                    [sy + 1, 1],
                    [sy + 1, 5],
                  ]
                : [
                    [sy + 1, 5],
                    [sy + 1, 9],
                  ];
          return daysFromCivil(bounds[1]![0], bounds[1]![1], 1) - daysFromCivil(bounds[0]![0], bounds[0]![1], 1);
        },
      };
    case 'wave':
      return {
        indexOfDay() {
          return 0;
        },
        label() {
          return o.waveLabel;
        },
        lengthDays(_i, first, last) {
          return Math.max(1, last - first + 1);
        },
      };
    case 'custom': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(o.windowStart);
      if (!m || !(o.windowDays >= 1) || !Number.isInteger(o.windowDays)) {
        throw new LeadmapError(
          'BAD_OPTION',
          `custom windows need --window-days (a whole number ≥ 1) and --window-start as YYYY-MM-DD, got ${o.windowDays} and "${o.windowStart}"`,
        );
      }
      const anchor = daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
      const len = o.windowDays;
      return {
        indexOfDay(day) {
          return Math.floor((day - anchor) / len);
        },
        label(i) {
          const { y, m: mo, d } = civilFromDays(anchor + i * len);
          return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        },
        lengthDays() {
          return len;
        },
      };
    }
  }
}

/**
 * Interactions a pair needs in a window to count as a tie: minInteractions per minWindowDays,
 * scaled to the window's length and rounded to whole periods, never below minInteractions:
 * threshold = minInteractions · max(1, round(lengthDays / minWindowDays)).
 * Defaults (2 per 28 days): month → 2, term (~4 months) → 8, custom 28 days → 2, a 365-day wave → 26.
 */
export function thresholdFor(lengthDays: number, minInteractions: number, minWindowDays: number): number {
  return minInteractions * Math.max(1, Math.round(lengthDays / minWindowDays));
}
