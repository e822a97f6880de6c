/**
 * pxGrid wire shapes (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki). Lenient on purpose: ISE versions differ in
 * field names and types, unknown fields are kept, and only what we act on is required. Each check
 * returns the value it accepts (the parsed JSON itself, typed) or undefined.
 */
import { createHash } from 'node:crypto';
import { isObject } from '../core/json';

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

type Loose<T> = T & Record<string, unknown>;

export const accountCreateResponse = (v: unknown) =>
  isObject(v) && optionalString(v.nodeName) && nonEmptyString(v.password)
    ? (v as Loose<{ nodeName?: string; password: string }>)
    : undefined;

export const accountActivateResponse = (v: unknown) =>
  isObject(v) && typeof v.accountState === 'string' && optionalString(v.version)
    ? (v as Loose<{ accountState: string; version?: string }>)
    : undefined;

export type ServiceNode = Loose<{ name?: string; nodeName: string; properties: Record<string, unknown> }>;

function serviceNode(v: unknown): ServiceNode | undefined {
  if (!isObject(v) || typeof v.nodeName !== 'string' || !optionalString(v.name)) return undefined;
  if (v.properties !== undefined && !isObject(v.properties)) return undefined;
  return { ...v, properties: v.properties ?? {} } as ServiceNode;
}

export function serviceLookupResponse(v: unknown): Loose<{ services: ServiceNode[] }> | undefined {
  if (!isObject(v) || (v.services !== undefined && !Array.isArray(v.services))) return undefined;
  const services = ((v.services ?? []) as unknown[]).map(serviceNode);
  return services.every((s) => s !== undefined) ? { ...v, services: services as ServiceNode[] } : undefined;
}

export const accessSecretResponse = (v: unknown) =>
  isObject(v) && nonEmptyString(v.secret) ? (v as Loose<{ secret: string }>) : undefined;

/** A RADIUS failure record: every object in the array is one; `id` is always there (see failureRecord). */
export type FailureRecord = Loose<{ id: string; timestamp?: unknown; executionSteps?: unknown[] | string }>;

/**
 * The start of the id given to a record ISE sent without a usable one: `content-` and the first 16
 * hex digits of the SHA-256 of the record as it came (JSON.stringify of it as parsed, in ISE's
 * field order). The same record served again (the overlap window) gets the same id, so it is
 * mailed once, as records with an id are; two records alike in every field count as one.
 */
export const CONTENT_ID = 'content-';

/**
 * Every object of the failures array is a failure, whatever it lacks (a record ISE sends is never
 * dropped unseen): undefined only for a value that is no object. An id that is not a non-empty
 * string or a finite number becomes a content id (CONTENT_ID); a number becomes a string. A
 * timestamp is not required: a record whose time cannot be placed is mailed without one
 * (times.ts, unplaced). `executionSteps` of another type than the array or string the samples show
 * (the wiki declares a string, both captures carry an array) becomes its JSON text. Changes the
 * record in place: a storm brings 100 000 records and none is copied.
 */
export function failureRecord(v: unknown): FailureRecord | undefined {
  if (!isObject(v)) return undefined;
  const { id, executionSteps: steps } = v;
  const idOk = (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
  v.id = idOk ? String(id) : contentId(v);
  if (steps !== undefined && typeof steps !== 'string' && !Array.isArray(steps))
    v.executionSteps = JSON.stringify(steps);
  return v as FailureRecord;
}

function contentId(v: Record<string, unknown>): string {
  return `${CONTENT_ID}${createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16)}`;
}

/**
 * How many attempts one record stands for. With ISE's "Suppress Repeated Failed Clients" on, an
 * endpoint that keeps failing for the same reason is logged once per "Report Failures Once Every"
 * interval, with the attempts it made in `TotalFailedAttempts` (ISE 3.3 admin guide, Segmentation
 * chapter: https://www.cisco.com/c/en/us/td/docs/security/ise/3-3/admin_guide/b_ise_admin_3_3/b_ISE_admin_33_segmentation.html).
 * The field's spelling in pxGrid JSON is not documented: both casings are read. At least 1, at most
 * MAX_ATTEMPTS: a corrupt counter must not dominate the mail's or an incident's counts.
 */
export function failedAttempts(record: FailureRecord): number {
  const raw = record.totalFailedAttempts ?? record.TotalFailedAttempts;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : 1;
  return Number.isInteger(n) && n > 1 ? Math.min(n, MAX_ATTEMPTS) : 1;
}

/** Suppression summaries beyond this are taken as this. */
export const MAX_ATTEMPTS = 100_000;
