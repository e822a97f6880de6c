/**
 * pxGrid wire shapes (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki). Lenient on purpose: ISE versions differ in
 * field names and types, unknown fields are kept, and only what we act on is required. Each check
 * returns the value it accepts (the parsed JSON itself, typed) or undefined.
 */
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

/** A RADIUS failure record: only `id` and `timestamp` are required; everything else is optional. */
export type FailureRecord = Loose<{ id: string; timestamp: string; executionSteps?: unknown[] | string }>;

/**
 * The record when it has a usable id (a non-empty string, or a finite number, made a string) and
 * timestamp, and `executionSteps` is an array or a string as the samples show (the wiki declares a
 * string, both captures carry an array); undefined otherwise. Changes `id` in place: a storm brings
 * 100 000 records and none is copied.
 */
export function failureRecord(v: unknown): FailureRecord | undefined {
  if (!isObject(v)) return undefined;
  const { id, timestamp, executionSteps: steps } = v;
  const idOk = (typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id));
  if (!idOk || !nonEmptyString(timestamp)) return undefined;
  if (steps !== undefined && typeof steps !== 'string' && !Array.isArray(steps)) return undefined;
  v.id = String(id);
  return v as FailureRecord;
}
