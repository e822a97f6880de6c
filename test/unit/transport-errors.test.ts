import { describe, expect, it } from 'vitest';
import { transportError } from '../../src/pxgrid/transport-errors';

describe('transport error lines', () => {
  it('a connect timeout names the port actually used, not the default 8910', () => {
    const err = transportError('https://ise.example.net:8911/pxgrid/control/AccountActivate', {
      code: 'ETIMEDOUT',
      message: 'connect ETIMEDOUT',
    });
    expect(err.message).toContain('ise.example.net:8911');
    expect(err.message).not.toContain('8910');
    expect(err.kind).toBe('ise-unreachable');
  });
});
