import * as z from 'zod';

/**
 * pxGrid wire shapes (https://github.com/cisco-pxgrid/pxgrid-rest-ws/wiki). Lenient on purpose: ISE versions differ in
 * field names and types, unknown fields are kept, and only what we act on is required.
 */
export const accountCreateResponse = z.looseObject({ nodeName: z.string().optional(), password: z.string().min(1) });

export const accountActivateResponse = z.looseObject({ accountState: z.string(), version: z.string().optional() });

export const serviceLookupResponse = z.looseObject({
  services: z
    .array(
      z.looseObject({
        name: z.string().optional(),
        nodeName: z.string(),
        properties: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .default([]),
});

export const accessSecretResponse = z.looseObject({ secret: z.string().min(1) });

/** A RADIUS failure record: only `id` and `timestamp` are required; everything else is optional. */
export const failureRecord = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().min(1)),
  // ISO text as documented, or epoch seconds/milliseconds (times.ts reads both).
  timestamp: z.union([z.string().min(1), z.number().finite()]),
  // Both samples carry an array; the wiki declares a string.
  executionSteps: z.union([z.array(z.unknown()), z.string()]).optional(),
});

export type FailureRecord = z.infer<typeof failureRecord> & Record<string, unknown>;
export type ServiceNode = z.infer<typeof serviceLookupResponse>['services'][number];

/**
 * How many attempts one record stands for. With ISE's "Suppress Repeated Failed Clients" on, an
 * endpoint that keeps failing for the same reason is logged once per "Report Failures Once Every"
 * interval, with the attempts it made in `TotalFailedAttempts` (ISE 3.3 admin guide, Segmentation
 * chapter: https://www.cisco.com/c/en/us/td/docs/security/ise/3-3/admin_guide/b_ise_admin_3_3/b_ISE_admin_33_segmentation.html).
 * The field's spelling in pxGrid JSON is not documented: both casings are read. At least 1.
 */
export function failedAttempts(record: FailureRecord): number {
  const raw = record.totalFailedAttempts ?? record.TotalFailedAttempts;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw.trim()) ? Number(raw) : 1;
  return Number.isInteger(n) && n > 1 ? n : 1;
}
