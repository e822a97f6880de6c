import type { Config } from '../config/config';
import { incidentsState } from '../config/incidents';
import { errCode } from '../core/errcode';
import { plural } from '../core/plural';
import { IncidentEngine, type Verdict } from '../incidents/engine';
import type { IncidentState } from '../incidents/state';
import { incidentsFile, loadIncidentState, saveIncidentState } from '../incidents/state';
import type { FailureRecord } from '../pxgrid/schemas';
import type { RecordObserver } from './batch';

/** Incidents are evaluated on scheduled runs only: a backfill's old records are not news. */
export function incidentsOn(cfg: Config, backfill: boolean): boolean {
  return !backfill && incidentsState(cfg.incidents.mode, cfg.alert.mode).on;
}

/**
 * The incident side of one poll: the stored state, a fresh engine for the batch (again after a
 * failover reset), and saving the next state only with or after the mail that reports it.
 */
export class PollIncidents implements RecordObserver {
  engine: IncidentEngine | undefined;
  readonly #state: IncidentState | undefined;

  constructor(
    private readonly cfg: Config,
    private readonly now: number,
  ) {
    // Read before fetching: a corrupt file stops the run (exit 2) with the cursor untouched.
    this.#state = loadIncidentState(cfg.stateDir);
  }

  /** A new engine for a (re)started batch. */
  restart(): void {
    this.engine = new IncidentEngine(this.#state, { settings: this.cfg.incidents, now: this.now });
  }

  observe(record: FailureRecord): void {
    this.engine?.observe(record);
  }

  known(record: FailureRecord): void {
    this.engine?.known(record);
  }

  clock(iseNow: number | undefined): void {
    this.engine?.clock(iseNow);
  }

  verdict(): Verdict | undefined {
    return this.engine?.evaluate();
  }

  /**
   * `delivered`: the mail carrying this run's verdict was accepted by the server. A failed write
   * (a full flash) is a note, never an error: it costs what the rules learnt since the last save,
   * never a failure, the spool commit or the mail. Returns that note.
   */
  save(delivered: boolean): string | undefined {
    const engine = this.engine;
    if (!engine) return undefined;
    try {
      saveIncidentState(this.cfg.stateDir, engine.nextState(delivered));
      return undefined;
    } catch (err) {
      const file = incidentsFile(this.cfg.stateDir);
      return (
        `${file} not saved (${errCode(err, 'error')}): the incident rules go on from its last save, no failure ` +
        'is lost; free space in STATE_DIR'
      );
    }
  }

  /** `, INCIDENT sw-access-b2: 12 users failing 11036 (…)` for the summary line. */
  summary(): string {
    const opened = this.verdict()?.opened ?? [];
    if (opened.length === 0) return '';
    const more = opened.length > 1 ? ` and ${plural(opened.length - 1, 'more incident')}` : '';
    return `; INCIDENT ${opened[0]!.title}${more}`;
  }
}
