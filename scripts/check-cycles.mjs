// Fails when files of src/ import each other in a circle, or when its folders do (type-only
// imports count too: they couple the design as much as value imports). Layers must point one way
// and no two files lean on each other (docs/architecture.md, "The layout today").
// Usage: node scripts/check-cycles.mjs
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(src, { recursive: true }).filter((f) => f.endsWith('.ts'));
const folderOf = (rel) => rel.split('/').slice(0, -1)[0] ?? '.';

/** The file a relative import names, relative to src/ (`./x` is `x.ts` or `x/index.ts`). */
function target(abs, spec) {
  const base = resolve(dirname(abs), spec);
  const found = [`${base}.ts`, join(base, 'index.ts'), base].find((f) => f.endsWith('.ts') && existsSync(f));
  return found && relative(src, found);
}

/** file -> files it imports, folder -> folders it imports (relative imports only). */
const fileEdges = new Map();
const folderEdges = new Map();
const add = (map, from, to) => {
  if (!map.has(from)) map.set(from, new Set());
  map.get(from).add(to);
};
for (const file of files) {
  const abs = join(src, file);
  for (const [, spec] of readFileSync(abs, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    const to = target(abs, spec);
    if (!to || to.startsWith('..')) continue;
    add(fileEdges, file, to);
    if (folderOf(to) !== folderOf(file)) add(folderEdges, folderOf(file), folderOf(to));
  }
}

/** A path from `start` back to itself, if any: depth-first search. */
function cycleFrom(edges, start) {
  const stack = [[start]];
  const seen = new Set();
  while (stack.length) {
    const path = stack.pop();
    for (const next of edges.get(path.at(-1)) ?? []) {
      if (next === start) return [...path, start];
      if (!seen.has(next)) {
        seen.add(next);
        stack.push([...path, next]);
      }
    }
  }
  return undefined;
}

/** Each circle once, however many of its members it was found from. */
function cycles(edges) {
  const found = new Map();
  for (const start of edges.keys()) {
    const c = cycleFrom(edges, start);
    if (c) found.set([...new Set(c)].sort().join(' '), c);
  }
  return [...found.values()];
}

const folders = cycles(folderEdges);
const circles = cycles(fileEdges);
for (const c of folders) console.error(`check-cycles: src/ folders import each other in a circle: ${c.join(' -> ')}`);
for (const c of circles) console.error(`check-cycles: src/ files import each other in a circle: ${c.join(' -> ')}`);
if (folders.length || circles.length) process.exit(1);
console.log(`check-cycles: ${files.length} files in ${folderEdges.size} folders of src/, no import cycle`);
