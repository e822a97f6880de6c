import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRecord } from '../../src/pxgrid/failures';
import { MalformedJson } from '../../src/pxgrid/jsonscan';
import { ArrayElementStream } from '../../src/pxgrid/jsonstream';

/** Both ways of reading: byte by byte only, and with the many-elements fast path of failures.ts. */
const MODES = ['careful', 'fast'] as const;
let mode: (typeof MODES)[number] = 'careful';

/** Feeds `body` cut at `cuts` (byte offsets); returns the elements, parsed, and completeness. */
function feed(body: string | Buffer, cuts: number[] = [], max?: number): { elements: unknown[]; complete: boolean } {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const elements: unknown[] = [];
  const many = (text: string) => {
    try {
      for (const v of JSON.parse(`[${text}]`) as unknown[]) if (typeof v === 'object' && v !== null) elements.push(v);
      return true;
    } catch {
      return false;
    }
  };
  // Views are only valid during the call: parse at once, as failures.ts does.
  const s = new ArrayElementStream(
    'failures',
    (b) => elements.push(JSON.parse(b.toString('utf8'))),
    max,
    undefined,
    mode === 'fast' ? many : undefined,
  );
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < bytes.length)].sort((a, b) => a - b)) {
    // Copy each chunk into a reused buffer, as a socket would: a kept view would go stale.
    s.write(Buffer.from(bytes.subarray(at, cut)));
    at = cut;
  }
  s.write(Buffer.from(bytes.subarray(at)));
  s.end();
  return { elements, complete: s.complete };
}

const expected = (body: string) =>
  (JSON.parse(body) as { failures: unknown[] }).failures.filter((e) => typeof e === 'object' && e !== null);
const everyCut = (len: number) => Array.from({ length: len - 1 }, (_, i) => [i + 1]);

/** Feeds records in chunks of `size` bytes; returns the records from each path. */
function split(records: unknown[], size: number): { fast: unknown[]; careful: unknown[]; chunks: number } {
  const bytes = Buffer.from(JSON.stringify({ failures: records }));
  const out = { fast: [] as unknown[], careful: [] as unknown[], chunks: Math.ceil(bytes.length / size) };
  const s = new ArrayElementStream(
    'failures',
    (b) => out.careful.push(JSON.parse(b.toString('utf8'))),
    undefined,
    undefined,
    (text) => {
      try {
        out.fast.push(...(JSON.parse(`[${text}]`) as unknown[]));
        return true;
      } catch {
        return false;
      }
    },
  );
  for (let at = 0; at < bytes.length; at += size) s.write(bytes.subarray(at, at + size));
  s.end();
  expect(s.complete).toBe(true);
  return out;
}

const byId = (list: unknown[]) =>
  [...list].sort((a, b) => Number((a as { id: string }).id) - Number((b as { id: string }).id));

describe('ArrayElementStream fast path', () => {
  it('hands the whole records of a chunk to parseMany at once; only records split by a chunk go byte by byte', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ id: String(i), user: `user${i}`, steps: ['1', '2'] }));
    const { fast, careful, chunks } = split(records, 4096);
    expect(careful.length).toBeLessThanOrEqual(2 * chunks);
    expect(byId([...fast, ...careful])).toEqual(records);
  });

  it('falls back to the byte scan when a `},{"` inside a string fools it, and still returns every record', () => {
    const records = Array.from({ length: 300 }, (_, i) => ({
      id: String(i),
      user: i % 2 ? 'x' : 'x},{',
      n: 'y'.repeat(i % 5),
    }));
    // Small chunks: many end inside a record whose `},{` is then the last boundary-like text seen.
    const { fast, careful } = split(records, 97);
    expect(careful.length).toBeGreaterThan(0);
    expect(byId([...fast, ...careful])).toEqual(records);
  });

  it('holds back at most 64 KB when records are written without `},{"` (pretty-printed), and finds them all', () => {
    // Without a record boundary the fast path keeps a chunk's tail for the next chunk: unbounded,
    // a pretty-printed answer would be copied again with every 16 KB chunk up to the 4 MB limit.
    const records = Array.from({ length: 3000 }, (_, i) => ({ id: String(i), user: `user${i}`, steps: ['1', '2'] }));
    const bytes = Buffer.from(JSON.stringify({ failures: records }, null, 2));
    const found: unknown[] = [];
    const s = new ArrayElementStream(
      'failures',
      (b) => found.push(JSON.parse(b.toString('utf8'))),
      undefined,
      undefined,
      (text) => {
        for (const v of JSON.parse(`[${text}]`) as unknown[]) found.push(v);
        return true;
      },
    );
    let most = 0;
    for (let at = 0; at < bytes.length; at += 16_384) {
      s.write(Buffer.from(bytes.subarray(at, at + 16_384)));
      most = Math.max(most, s.heldBytes);
    }
    s.end();
    expect(s.complete).toBe(true);
    expect(byId(found as typeof records)).toEqual(records);
    expect(most).toBeLessThanOrEqual(64 * 1024);
  });
});

describe.each(MODES)('ArrayElementStream (%s)', (m) => {
  beforeEach(() => {
    mode = m;
  });

  const tricky =
    String.raw`{"failures":[{"a":"x\"}{][\\","b":"\\\\","c":"\\\"]"},` +
    String.raw`{"d":"}","e":"{","f":"\u0041\u00e9\ud83d\ude00"}]}`;

  it('keeps escaped quotes, backslashes and braces inside strings, at every cut', () => {
    expect(feed(tricky).elements).toEqual(expected(tricky));
    for (const cuts of everyCut(Buffer.byteLength(tricky))) {
      const r = feed(tricky, cuts);
      expect(r.elements, `cut at ${cuts[0]}`).toEqual(expected(tricky));
      expect(r.complete).toBe(true);
    }
  });

  it('keeps multi-byte UTF-8 whole when a chunk boundary splits a character', () => {
    const body = JSON.stringify({ failures: [{ user: 'Jörg €uro 😀 日本', nas: 'é' }, { x: '😀😀' }] });
    const len = Buffer.byteLength(body);
    for (const cuts of everyCut(len)) expect(feed(body, cuts).elements).toEqual(expected(body));
    // One byte per chunk.
    expect(
      feed(
        body,
        Array.from({ length: len }, (_, i) => i),
      ).elements,
    ).toEqual(expected(body));
  });

  it('reports a body that ends early as incomplete, at every length, with only whole records', () => {
    const body = JSON.stringify({
      failures: [
        { id: '1', s: 'a"b' },
        { id: '2', n: [1, { x: [] }] },
      ],
    });
    const all = expected(body);
    for (let len = 0; len < body.length; len++) {
      const r = feed(body.slice(0, len));
      expect(r.complete, `length ${len}`).toBe(false);
      expect(all.slice(0, r.elements.length)).toEqual(r.elements);
    }
    expect(feed(body).complete).toBe(true);
  });

  it('hands over records with nested arrays and objects whole', () => {
    const body = JSON.stringify({
      failures: [{ id: '1', steps: ['11001', ['x', { y: [{ z: '}' }] }]], o: { p: { q: [] } } }, [1, [2]]],
    });
    expect(feed(body).elements).toEqual(expected(body));
  });

  it('finds the array among other top-level keys, and only the top-level one', () => {
    const body = JSON.stringify({
      version: 'failures',
      meta: { failures: [{ wrong: true }] },
      list: [{ wrong: true }],
      failures: [{ id: '1' }, { id: '2' }],
      after: [{ wrong: true }],
      n: 3,
    });
    expect(feed(body).elements).toEqual([{ id: '1' }, { id: '2' }]);
  });

  it('matches a key written with escapes', () => {
    expect(feed(String.raw`{"fail\u0075res":[{"id":"1"}]}`).elements).toEqual([{ id: '1' }]);
  });

  it('handles an empty array, a missing array and whitespace everywhere', () => {
    expect(feed('{"failures":[]}')).toEqual({ elements: [], complete: true });
    expect(feed('{}')).toEqual({ elements: [], complete: true });
    const doc = { a: 1, failures: [{ id: '1', x: [1, 2] }, { id: '2' }] };
    const pretty = `\n\t ${JSON.stringify(doc, null, 2).replace(/\n/g, '\r\n \t')}\n\n`;
    expect(feed(pretty)).toEqual({ elements: [{ id: '1', x: [1, 2] }, { id: '2' }], complete: true });
  });

  it('rejects what is not one JSON object, unbalanced brackets and trailing data', () => {
    expect(() => feed('[{"id":1}]')).toThrow(/not a JSON object/);
    expect(() => feed('null')).toThrow(/not a JSON object/);
    expect(() => feed('<html>')).toThrow(/not a JSON object/);
    expect(() => feed('{"failures":[{"id":1]]}')).toThrow(/unbalanced/);
    expect(() => feed('{"failures":[]}}')).toThrow(/unbalanced/);
    expect(() => feed('{"failures":[]} x')).toThrow(/after the end/);
    expect(() => feed('{"failures":[]} {}')).toThrow(/after the end/);
    // Typed, so the caller blames ISE for these and nothing else (a bug of ours stays internal).
    for (const bad of ['null', '{"failures":[]}}', '{"failures":[]} x']) expect(() => feed(bad)).toThrow(MalformedJson);
  });

  it('refuses a record larger than the limit, whole or in pieces', () => {
    const body = JSON.stringify({ failures: [{ big: 'x'.repeat(100) }] });
    expect(() => feed(body, [], 50)).toThrow(/larger than 50 bytes/);
    expect(() => feed(body, [20, 40, 60, 80], 50)).toThrow(/larger than 50 bytes/);
    expect(() => feed(body, [], 50)).toThrow(MalformedJson);
    expect(feed(body, [20, 40, 60, 80], 200).elements).toHaveLength(1);
  });

  it('agrees with JSON.parse on random records cut at random places', () => {
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.constantFrom('"', '\\', '{', '}', '[', ']', 'a', ',', ':') }),
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    const record = fc.dictionary(fc.string({ unit: 'binary' }), value, { maxKeys: 6 });
    const body = fc.record({
      before: fc.dictionary(fc.string(), value, { maxKeys: 2 }),
      failures: fc.array(record, { maxLength: 8 }),
      spaces: fc.constantFrom(0, 1, '\t'),
    });
    fc.assert(
      fc.property(body, fc.array(fc.nat(), { maxLength: 12 }), ({ before, failures, spaces }, cutSeeds) => {
        const { failures: _drop, ...rest } = before as Record<string, unknown>;
        const text = JSON.stringify({ ...rest, failures }, null, spaces || undefined);
        const len = Buffer.byteLength(text);
        const r = feed(
          text,
          cutSeeds.map((c) => c % len),
        );
        expect(r.complete).toBe(true);
        expect(r.elements).toEqual(JSON.parse(text).failures);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseRecord', () => {
  it('keeps a 20-digit numeric id exact and turns ids into strings', () => {
    expect(parseRecord('{"id":16035713916951941234,"timestamp":"2026-01-01T00:00:00Z"}')?.id).toBe(
      '16035713916951941234',
    );
    expect(parseRecord('{"id":42,"timestamp":"t"}')?.id).toBe('42');
    expect(parseRecord('{"id":"0012","timestamp":"t","extra":{"a":1}}')).toEqual({
      id: '0012',
      timestamp: 't',
      extra: { a: 1 },
    });
  });

  it('takes every object as a record: a content id when the id is unusable, steps of another type as text', () => {
    const noId = parseRecord('{"timestamp":"t"}')!;
    expect(noId.id).toMatch(/^content-[0-9a-f]{16}$/);
    // The same record served again gets the same id; another record another one.
    expect(parseRecord('{"timestamp":"t"}')!.id).toBe(noId.id);
    expect(parseRecord('{"timestamp":"u"}')!.id).not.toBe(noId.id);
    expect(parseRecord('{"id":"","timestamp":"t"}')!.id).toMatch(/^content-/);
    expect(parseRecord('{"id":null}')!.id).toMatch(/^content-/);
    expect(parseRecord('{"id":"1","timestamp":""}')).toMatchObject({ id: '1', timestamp: '' });
    expect(parseRecord('{"id":"1","timestamp":"t","executionSteps":5}')!.executionSteps).toBe('5');
    expect(parseRecord('[1]')).toBeUndefined();
    expect(parseRecord('7')).toBeUndefined();
  });
});

describe('a record nested deeper than the limit (issue 23 point 7)', () => {
  const deep = (n: number) => `{"id":"7","x":${'['.repeat(n)}1${']'.repeat(n)}}`;
  const read = (body: string, cuts: number[]) => {
    const elements: unknown[] = [];
    const heads: string[] = [];
    const s = new ArrayElementStream(
      'failures',
      (b) => elements.push(JSON.parse(b.toString('utf8'))),
      undefined,
      undefined,
      undefined,
      (head) => heads.push(head.toString('utf8')),
    );
    let at = 0;
    for (const cut of cuts) {
      s.write(Buffer.from(body.slice(at, cut)));
      at = cut;
    }
    s.write(Buffer.from(body.slice(at)));
    s.end();
    return { elements, heads, complete: s.complete };
  };

  it('costs only itself, wherever the chunks are cut; its first bytes name it', () => {
    const body = `{"failures":[{"id":"1"},${deep(12_000)},{"id":"2"}],"more":true}`;
    for (const cuts of [[], [30, 12_020, 24_000], [13]]) {
      const r = read(body, cuts);
      expect(r.elements).toEqual([{ id: '1' }, { id: '2' }]);
      expect(r.heads).toHaveLength(1);
      expect(r.heads[0]).toMatch(/^\{"id":"7","x":\[\[\[/);
      expect(r.complete).toBe(true);
    }
  });

  it('outside a record it still ends the answer', () => {
    const body = `{"other":${'['.repeat(12_000)}1${']'.repeat(12_000)},"failures":[]}`;
    expect(() => read(body, [])).toThrow(MalformedJson);
  });
});
