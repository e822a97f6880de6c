// Fails when the folders of src/ import each other in a circle (type-only imports count too: they
// couple the design as much as value imports). Layers must point one way (docs/architecture.md,
// "The layout today"). Usage: node scripts/check-cycles.mjs
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = readdirSync(src, { recursive: true }).filter((f) => f.endsWith('.ts'));
const folderOf = (abs) => relative(src, abs).split('/').slice(0, -1)[0] ?? '.';

/** folder -> set of folders it imports from (relative imports only). */
const edges = new Map();
for (const file of files) {
  const abs = join(src, file);
  const from = folderOf(abs);
  for (const [, spec] of readFileSync(abs, 'utf8').matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)'/g)) {
    const to = folderOf(resolve(dirname(abs), spec));
    if (to === from || to.startsWith('..')) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
  }
}

/** Every folder that can reach itself: depth-first search from each one. */
function cycleFrom(start) {
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

const cycles = [...edges.keys()].map(cycleFrom).filter(Boolean);
for (const c of cycles) console.error(`check-cycles: src/ folders import each other in a circle: ${c.join(' -> ')}`);
if (cycles.length) process.exit(1);
console.log(`check-cycles: ${edges.size} folders of src/, no import cycle`);
