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
  timestamp: z.string().min(1),
  // Both samples carry an array; the wiki declares a string.
  executionSteps: z.union([z.array(z.unknown()), z.string()]).optional(),
});

export type FailureRecord = z.infer<typeof failureRecord> & Record<string, unknown>;
export type ServiceNode = z.infer<typeof serviceLookupResponse>['services'][number];
