/**
 * Suites that need something outside the repo (Neo4j, Chromium, a mount, the built server).
 * Outside CI a missing need skips the suite with a message saying why. In CI (CI=true) a skip
 * would leave CI green with a third of the suite unrun, so a missing need fails the suite instead,
 * unless the need is on the allow-list below; an allowed skip is recorded in $CI_RESULTS so
 * .ci/run prints it, with its reason, at the end of the run.
 */
import fs from 'node:fs';
import path from 'node:path';

export type Need = 'neo4j' | 'neo4j-faults' | 'chromium' | 'mount' | 'build' | 'python';

/** Needs CI may go without, and why. Keep it short: every entry is a part of the suite CI does not run. */
export const ALLOWED_IN_CI: Partial<Record<Need, string>> = {
  mount: 'mount(2) needs CAP_SYS_ADMIN, which a CI container often lacks; the file-size-limit test still covers a full disk',
};

const inCI = () => process.env.CI === 'true' || process.env.CI === '1';

/** What to do about a missing need: 'skip' (with a message) or 'fail' (CI, not allowed). */
function verdict(need: Need, what: string, missing: string): 'skip' | 'fail' {
  if (!inCI()) {
    console.warn(`${what} skipped: ${missing}.`);
    return 'skip';
  }
  const reason = ALLOWED_IN_CI[need];
  if (reason === undefined) return 'fail';
  console.warn(`${what} skipped in CI (allowed: ${reason}): ${missing}.`);
  const results = process.env.CI_RESULTS;
  if (results) fs.appendFileSync(path.join(results, 'allowed-skips.txt'), `${what}: ${missing} (allowed: ${reason})\n`);
  return 'skip';
}

function refusal(need: Need, missing: string): Error {
  return new Error(
    `CI refuses to skip this for want of ${need}: ${missing}. Provide it, or add "${need}" to ALLOWED_IN_CI in tests/support/needs.ts with a reason.`,
  );
}

/** `describe` when `missing` is null; otherwise a skip outside CI, a failing suite in CI. */
export function describeWith(need: Need, missing: string | null, title: string, body: () => void): void {
  if (missing === null) return describe(title, body);
  if (verdict(need, `suite "${title}"`, missing) === 'skip') return describe.skip(title, body);
  describe(title, () => {
    test(`needs ${need}`, () => {
      throw refusal(need, missing);
    });
  });
}

/** `test` when `missing` is null; otherwise a skip outside CI, a failing test in CI. */
export function testWith(need: Need, missing: string | null, title: string, fn: () => Promise<void>, timeout?: number): void {
  if (missing === null) return test(title, fn, timeout);
  if (verdict(need, `test "${title}"`, missing) === 'skip') return test.skip(title, fn);
  test(title, () => {
    throw refusal(need, missing);
  });
}

/** The first executable of `names` on PATH, or null. */
export function onPath(...names: string[]): string | null {
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const candidate = path.join(dir, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}
