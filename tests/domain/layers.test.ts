/**
 * The contract is the ground floor that the server and the browser both stand on: it imports
 * nothing of theirs, and the browser imports nothing of the server (only the contract), so the
 * wire's shapes have one definition that both sides compile against.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function tsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Each import of a file as the repository folder it reaches (`server`, `contract`…) or the package it names. */
function reaches(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'([^']+)'|\bimport\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
  return specifiers.map((s) => (s.startsWith('.') ? path.relative(ROOT, path.resolve(path.dirname(file), s)).split(path.sep)[0]! : s));
}

/** Packages the contract may use: zod for the schemas, edtf and luxon for dates (both run in the browser too). */
const CONTRACT_PACKAGES = new Set(['contract', 'zod', 'edtf', 'luxon']);

test('the contract imports only itself, zod and the date libraries', () => {
  const outside = tsFiles(path.join(ROOT, 'contract')).flatMap((f) =>
    reaches(f)
      .filter((r) => !CONTRACT_PACKAGES.has(r))
      .map((r) => `${path.relative(ROOT, f)} -> ${r}`),
  );
  expect(outside).toEqual([]);
});

test('the browser imports nothing from the server', () => {
  const files = tsFiles(path.join(ROOT, 'client'));
  expect(files.length).toBeGreaterThan(10);
  const intoServer = files.flatMap((f) =>
    reaches(f)
      .filter((r) => r === 'server')
      .map(() => path.relative(ROOT, f)),
  );
  expect(intoServer).toEqual([]);
  expect(files.some((f) => reaches(f).includes('contract'))).toBe(true);
});
