// The synthetic campus of `npm run replay` (issue 15): about 3 000 users with a laptop and a phone,
// 200 NAS (4 wireless controllers, 2 VPN head-ends, 194 access switches in 10 buildings) and 1 200
// wired MAB devices. Everything is drawn from one seeded generator, so a seed is a campus.
import { prng } from '../fake/records';

export interface Nas {
  name: string;
  ip: string;
  location: string;
  kind: 'wlc' | 'vpn' | 'switch';
}

export interface User {
  name: string;
  laptop: string;
  phone: string;
  desk: Nas;
  wlc: Nas;
  /** How error-prone this user is (heavy-tailed): most users rarely fail, a few often. */
  weight: number;
  contractor: boolean;
}

export interface Device {
  mac: string;
  nas: Nas;
}

export interface Campus {
  rnd: () => number;
  nas: Nas[];
  switches: Nas[];
  wlcs: Nas[];
  vpns: Nas[];
  users: User[];
  /** Wired MAB devices: printers, phones, cameras. */
  devices: Device[];
  /** MACs ISE does not know (22056 in MAB). */
  unknown: Device[];
  pickUser(): User;
}

const FIRST = [
  'anna',
  'ben',
  'carla',
  'david',
  'elena',
  'felix',
  'greta',
  'hugo',
  'ines',
  'jonas',
  'katrin',
  'lukas',
  'maria',
  'nils',
  'olga',
  'paul',
  'rosa',
  'simon',
  'tina',
  'urs',
  'vera',
  'walter',
  'yvonne',
  'zoe',
  'adam',
  'bea',
  'chris',
  'dora',
  'emil',
  'frida',
];
const LAST = [
  'keller',
  'meier',
  'huber',
  'fischer',
  'weber',
  'schmid',
  'brunner',
  'baumann',
  'frei',
  'zimmermann',
  'moser',
  'widmer',
  'graf',
  'wyss',
  'roth',
  'suter',
  'bachmann',
  'berger',
  'kaufmann',
  'hofmann',
  'lang',
  'marti',
  'steiner',
  'vogel',
  'wolf',
  'koch',
  'bauer',
  'kunz',
  'lehmann',
  'egli',
  'gerber',
  'sutter',
  'frey',
  'blaser',
  'arnold',
  'ott',
  'buehler',
  'maurer',
  'kuhn',
  'rey',
];

export function mac(rnd: () => number, prefix = ''): string {
  const bytes = Array.from({ length: 6 - prefix.split(':').filter(Boolean).length }, () => Math.floor(rnd() * 256));
  return (prefix ? [prefix, ...bytes.map(hex)] : bytes.map(hex)).join(':').toUpperCase();
}
const hex = (b: number) => b.toString(16).padStart(2, '0');

function buildNas(): Pick<Campus, 'nas' | 'switches' | 'wlcs' | 'vpns'> {
  const wlcs: Nas[] = [1, 2, 3, 4].map((i) => ({
    name: `wlc-${i}`,
    ip: `10.0.9.${i}`,
    location: `Location#All Locations#Campus#Area-${i}`,
    kind: 'wlc',
  }));
  const vpns: Nas[] = [1, 2].map((i) => ({
    name: `vpn-asa-${i}`,
    ip: `192.0.2.${10 + i}`,
    location: 'Location#All Locations#DMZ',
    kind: 'vpn',
  }));
  const switches: Nas[] = [];
  for (let i = 0; i < 194; i++) {
    const b = (i % 10) + 1;
    const n = Math.floor(i / 10) + 1;
    const name = `sw-b${b}-${String(n).padStart(2, '0')}`;
    switches.push({ name, ip: `10.${b}.${n}.2`, location: `Location#All Locations#Campus#B${b}`, kind: 'switch' });
  }
  return { nas: [...wlcs, ...vpns, ...switches], switches, wlcs, vpns };
}

export function buildCampus(seed: number): Campus {
  const rnd = prng(seed);
  const net = buildNas();
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const users: User[] = [];
  const seen = new Set<string>();
  while (users.length < 3000) {
    let name = `${pick(FIRST)}.${pick(LAST)}`;
    if (seen.has(name)) name = `${name}${2 + Math.floor(rnd() * 98)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    const desk = pick(net.switches);
    // Pareto-like: a few users fail far more often than most.
    const weight = 1 / (0.05 + rnd()) ** 1.2;
    users.push({
      name,
      laptop: mac(rnd),
      phone: mac(rnd),
      desk,
      wlc: net.wlcs[Number(desk.name.slice(4, desk.name.indexOf('-', 4))) % 4]!,
      weight,
      contractor: rnd() < 0.05,
    });
  }
  const devices = Array.from({ length: 1200 }, () => ({ mac: mac(rnd, '00:1B'), nas: pick(net.switches) }));
  const unknown = Array.from({ length: 400 }, () => ({ mac: mac(rnd), nas: pick(net.switches) }));
  const cumulative: number[] = [];
  let sum = 0;
  for (const u of users) {
    sum += u.weight;
    cumulative.push(sum);
  }
  const pickUser = () => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return users[lo]!;
  };
  return { rnd, ...net, users, devices, unknown, pickUser };
}
