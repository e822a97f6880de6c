import { defaults, type Parsed } from './schema';

/** Incident rules (README "Incidents"): each can be switched off and has thresholds of its own. */
export type RuleName = 'nas-wide' | 'new-reason' | 'spike' | 'lockout' | 'storm';

export interface IncidentSettings {
  /** `auto`: on with ALERT_MODE=digest, off in each-run mode (one mail per run, as before). */
  mode: 'auto' | 'on' | 'off';
  /** Rules that may open incidents. */
  rules: ReadonlySet<RuleName>;
  /** After the first run, rules only learn for this long: what is already broken is not news. */
  learningMs: number;
  /** An incident closes when no matching failure was seen for this long. */
  quietMs: number;
  nasWide: { min: number; factor: number; windowMs: number };
  newReason: { memoryMs: number };
  spike: { min: number; factor: number };
  /** `reasons` empty: every reason counts. */
  lockout: { min: number; windowMs: number; reasons: readonly string[] };
  /** STORM_THRESHOLD: more new failures than this in one poll. */
  stormThreshold: number;
  /** MAIL_TIMEZONE: the spike baseline keeps local hours of the week. */
  timeZone: string;
}

export function incidentSettings(p: Parsed): IncidentSettings {
  const on: Array<[RuleName, boolean]> = [
    ['nas-wide', p.INCIDENT_NAS_WIDE],
    ['new-reason', p.INCIDENT_NEW_REASON],
    ['spike', p.INCIDENT_SPIKE],
    ['lockout', p.INCIDENT_LOCKOUT],
    ['storm', p.INCIDENT_STORM],
  ];
  return {
    mode: p.INCIDENTS,
    rules: new Set(on.filter(([, enabled]) => enabled).map(([rule]) => rule)),
    learningMs: p.INCIDENT_LEARNING,
    quietMs: p.INCIDENT_QUIET,
    nasWide: { min: p.INCIDENT_NAS_WIDE_MIN, factor: p.INCIDENT_NAS_WIDE_FACTOR, windowMs: p.INCIDENT_NAS_WIDE_WINDOW },
    newReason: { memoryMs: p.INCIDENT_NEW_REASON_MEMORY },
    spike: { min: p.INCIDENT_SPIKE_MIN, factor: p.INCIDENT_SPIKE_FACTOR },
    lockout: {
      min: p.INCIDENT_LOCKOUT_MIN,
      windowMs: p.INCIDENT_LOCKOUT_WINDOW,
      reasons: p.INCIDENT_LOCKOUT_REASONS === 'any' ? [] : p.INCIDENT_LOCKOUT_REASONS,
    },
    stormThreshold: p.STORM_THRESHOLD,
    timeZone: p.MAIL_TIMEZONE,
  };
}

/**
 * Whether the incident rules run, and the setting that decides it, for `doctor`: `auto` follows
 * ALERT_MODE (on with digests, off in each-run mode, one mail per run as before).
 */
export function incidentsState(mode: IncidentSettings['mode'], alertMode: string): { on: boolean; why: string } {
  if (mode !== 'auto') return { on: mode === 'on', why: `INCIDENTS=${mode}` };
  return { on: alertMode === 'digest', why: `INCIDENTS=auto follows ALERT_MODE=${alertMode}` };
}

/** Every default, from the same schema that reads the variables (for tests and the replay: not computed per run). */
export const defaultIncidents = (): IncidentSettings => incidentSettings(defaults());
