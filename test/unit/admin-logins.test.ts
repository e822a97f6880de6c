// Issue 24 point 8: administrators' logins to the devices themselves are their own group in the
// mail model (the layout renders it), and the digest spool keeps what marks them.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/render/model';
import { render } from '../../src/render/render';
import { Rollup } from '../../src/rollup/rollup';
import { isAdminService } from '../../src/rollup/view';
import { digestFromJson, digestJson, digestToJson } from '../../src/spool/digest-json';
import { makeFailure } from '../fake/records';

const opts = { subjectPrefix: '[ISE]', maxRows: 50, timeZone: 'UTC' };
const login = (seq: number, o: Record<string, unknown> = {}) =>
  makeFailure(
    {
      userName: 'admin',
      callingStationId: '198.51.100.7',
      nasName: 'fw-dc-1',
      nasIpAddress: '10.0.0.1',
      nasPortType: 'Virtual',
      serviceType: 'Administrative',
      location: 'Location#All Locations#DC',
      timestamp: new Date(Date.UTC(2026, 10, 23, 10, seq)).toISOString(),
      ...o,
    },
    seq,
  );

describe('administrator logins', () => {
  it('are told apart by Service-Type, not by a Virtual port (VPN sessions are Virtual too)', () => {
    expect(['Login', 'Administrative', 'NAS Prompt', 'administrative'].map(isAdminService)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['Framed', 'Call Check', '', undefined, 7].map(isAdminService)).toEqual([false, false, false, false, false]);
  });

  it('are grouped per device with accounts, sources and counts; network access is not', () => {
    const d = new Rollup();
    d.add(login(1));
    d.add(login(2));
    d.add(login(3, { userName: 'root', callingStationId: '203.0.113.9' }));
    d.add(login(4, { nasName: 'apic-1', nasIpAddress: '10.0.0.2', serviceType: 'Login' }));
    d.add(makeFailure({ userName: 'anna', nasPortType: 'Virtual', serviceType: 'Framed' }, 9));
    const m = buildModel(d, opts);
    expect(m.admin.map((a) => [a.device, a.count, a.accounts, a.sources])).toEqual([
      ['fw-dc-1', 3, ['admin', 'root'], ['198.51.100.7', '203.0.113.9']],
      ['apic-1', 1, ['admin'], ['198.51.100.7']],
    ]);
    expect(m.admin[0]!.last).toBe(Date.UTC(2026, 10, 23, 10, 3));
    expect(m.adminMore).toBe(0);
  });

  it('stay marked across the digest spool (JSON and back)', () => {
    const d = new Rollup();
    d.add(login(1));
    d.add(makeFailure({ userName: 'anna' }, 9));
    const json = JSON.parse(JSON.stringify(digestToJson(d.state)));
    expect(digestJson().safeParse(json).success).toBe(true);
    const back = new Rollup({}, digestFromJson(json));
    expect(buildModel(back, opts).admin.map((a) => a.device)).toEqual(['fw-dc-1']);
  });

  it('have their own section at the top of the mail, text and HTML; none, no section', () => {
    const d = new Rollup();
    d.add(login(1));
    d.add(login(3, { userName: 'root', callingStationId: '203.0.113.9' }));
    d.add(makeFailure({ userName: 'anna' }, 9));
    const m = render(d, opts);
    const lines = m.text.split('\n');
    const at = lines.indexOf('ADMINISTRATOR LOGINS (FAILED LOGINS TO THE DEVICES THEMSELVES)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('      2  fw-dc-1 (10.0.0.1), DC');
    expect(lines[at + 2]).toMatch(/^ {9}admin, root from 198\.51\.100\.7, 203\.0\.113\.9, last (\d+ \w+ )?10:03:00$/);
    expect(at).toBeLessThan(lines.indexOf('BY REASON'));
    expect(m.html).toMatch(/Administrator logins \(failed logins to the devices themselves\)<\/h2>/);
    expect(m.html.indexOf('Administrator logins')).toBeLessThan(m.html.indexOf('By reason'));
    const plain = new Rollup();
    plain.add(makeFailure({ userName: 'anna' }, 9));
    expect(render(plain, opts).text).not.toMatch(/ADMINISTRATOR/);
  });
});
