import type { FailureRecord } from '../pxgrid/schemas';

/** A realistic failure, shaped like the Cisco wiki sample (pxgrid-api.md §4.2), for test-mail. */
export function sampleFailure(now: number): FailureRecord {
  return {
    id: '1494300801107032',
    timestamp: new Date(now).toISOString(),
    failureReason: '22040 Wrong password or invalid shared secret',
    messageCode: 5400,
    userName: 'jdoe (sample)',
    serverName: 'ise-psn-01',
    nasIpAddress: '10.10.20.11',
    nasName: 'c9300-floor2.example.net',
    nasPortId: 'GigabitEthernet1/0/14',
    callingStationId: '00-11-22-33-44-55',
    identityStore: 'Internal Users',
    authenticationMethod: 'PAP_ASCII',
    location: 'Location#All Locations#Building-A',
    deviceType: 'Device Type#All Device Types#Access-Switch',
    executionSteps: ['11001', '11017', '15049', '22040', '11003'],
  };
}
