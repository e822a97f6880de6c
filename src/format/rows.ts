import { addSpan, ENDPOINT_ROWS, type EndpointTally, type Group, type Span, type UserTally } from './tally';
import type { DetailRow, FailureView } from './view';

/**
 * Detail rows kept (the mail shows a few dozen; every record is in the attachment). A row holds
 * ~1 KB of cleaned values: 2 000 rows cost ~2 MB of a storm's 128 MB budget, 10 000 cost ~10 MB.
 */
export const MAX_ROWS = 2_000;

/** A detail row on its endpoint's tally, with the tallies that tell it apart. */
export interface RowOf<R extends Span, N extends Span> {
  row: DetailRow;
  u: UserTally;
  reason: Group<R>;
  nas: Group<N>;
}

/** The detail rows of a digest: identical failures collapsed, in the order they first appeared. */
export class DetailRows {
  readonly list: DetailRow[] = [];
  /** Distinct rows beyond MAX_ROWS: counted, not kept. */
  dropped = 0;
  /** Rows of endpoints without a tally (none, or past MAX_KEYS) or with more than ENDPOINT_ROWS rows. */
  readonly #index = new Map<string, DetailRow>();

  /**
   * An endpoint's first ENDPOINT_ROWS rows are on its tally and told apart by the identity of their
   * user, reason and NAS tallies: no key to build for most records of a storm. Rows whose user,
   * reason, NAS or endpoint has no tally (past MAX_KEYS), or that do not fit, go to the key index.
   */
  add<R extends Span, N extends Span>(
    v: FailureView,
    e: EndpointTally<RowOf<R, N>> | undefined,
    who: Omit<RowOf<R, N>, 'row'> | undefined,
  ): void {
    let row: DetailRow | undefined;
    if (e && who)
      for (const x of e.rows) if (x.u === who.u && x.reason === who.reason && x.nas === who.nas) row = x.row;
    const indexed = !e || !who || e.rows.length >= ENDPOINT_ROWS;
    // Cleaned values hold no NUL, so it separates them unambiguously.
    const key = indexed ? `${v.user}\u0000${v.endpoint}\u0000${v.nasName}\u0000${v.nasIp}\u0000${v.reason}` : '';
    if (!row && indexed) row = this.#index.get(key);
    if (row) {
      addSpan(row, v.time);
      if (v.time !== undefined && v.time === row.last) row.location = v.location;
    } else if (this.list.length < MAX_ROWS) {
      row = { ...v, count: 1, first: v.time, last: v.time };
      this.list.push(row);
      if (indexed) this.#index.set(key, row);
      else e!.rows.push({ row, ...who! });
    } else {
      this.dropped++;
    }
  }
}
