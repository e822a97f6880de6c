import { defaults, type Parsed } from './schema';

/**
 * Incident rules (docs/incidents.md): each can be switched off and has thresholds of its own. The
 * one list: the engine runs them in this order, the variables switch each of them, and the state
 * file accepts exactly these names.
 */
export const RULES = [
  'storm',
  'identity-store',
  'guessing',
  'admin-login',
  'nas-wide',
  'new-reason',
  'spike',
  'lockout',
] as const;
export type RuleName = (typeof RULES)[number];

export interface IncidentSettings {
  /** `auto`: on with ALERT_MODE=digest (the default), off in each-run mode (one mail per run). */
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
  adminLogin: { min: number };
  /** STORM_THRESHOLD: more new failures than this in one poll. */
  stormThreshold: number;
  /** MAIL_TIMEZONE: the spike baseline keeps local hours of the week. */
  timeZone: string;
}

export function incidentSettings(p: Parsed): IncidentSettings {
  const on: Record<RuleName, boolean> = {
    'nas-wide': p.INCIDENT_NAS_WIDE,
    'new-reason': p.INCIDENT_NEW_REASON,
    spike: p.INCIDENT_SPIKE,
    lockout: p.INCIDENT_LOCKOUT,
    storm: p.INCIDENT_STORM,
    guessing: p.INCIDENT_GUESSING,
    'identity-store': p.INCIDENT_IDENTITY_STORE,
    'admin-login': p.INCIDENT_ADMIN_LOGIN,
  };
  return {
    mode: p.INCIDENTS,
    rules: new Set(RULES.filter((rule) => on[rule])),
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
    adminLogin: { min: p.INCIDENT_ADMIN_LOGIN_MIN },
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
