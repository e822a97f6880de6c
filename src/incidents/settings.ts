/**
 * Incident rules and their variables (README "Incidents"). Each rule can be switched off and has
 * thresholds of its own; the defaults are tuned on the replayed campus week (`npm run replay`).
 */
export type RuleName = 'nas-wide' | 'new-reason' | 'spike' | 'lockout' | 'storm';

export interface IncidentSettings {
  /** Rules that may open incidents. */
  rules: ReadonlySet<RuleName>;
  /** After the first run, rules only learn for this long: what is already broken is not news. */
  learningMs: number;
  /** An incident closes when no matching failure was seen for this long. */
  quietMs: number;
  nasWide: { min: number; factor: number; windowMs: number };
  newReason: { memoryMs: number };
  spike: { min: number; factor: number };
  lockout: { min: number; windowMs: number; reasons: readonly string[] };
  /** STORM_THRESHOLD: more new failures than this in one poll. */
  stormThreshold: number;
  /** MAIL_TIMEZONE: the spike baseline keeps local hours of the week. */
  timeZone: string;
}

const MIN = 60_000;
const DAY = 86_400_000;

export const ALL_RULES: readonly RuleName[] = ['nas-wide', 'new-reason', 'spike', 'lockout', 'storm'];

export const DEFAULT_INCIDENTS: IncidentSettings = {
  rules: new Set(ALL_RULES),
  learningMs: DAY,
  quietMs: 30 * MIN,
  nasWide: { min: 5, factor: 3, windowMs: 10 * MIN },
  newReason: { memoryMs: 7 * DAY },
  spike: { min: 30, factor: 4 },
  lockout: { min: 5, windowMs: 10 * MIN, reasons: ['22040', '24408'] },
  stormThreshold: 5000,
  timeZone: 'UTC',
};
