/** Named keys for tests, made and revoked with the keys command itself (in process). */
import { runKeys } from '../../server/cli/keys';

async function run(args: string[]): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKeys(args, { env: {}, out: (l) => void out.push(l), err: (l) => void err.push(l) });
  if (code !== 0) throw new Error(`keys ${args.join(' ')} failed (${code}): ${err.join('\n')}`);
  return out;
}

/** Adds a key to `file` (created when missing) and answers the key, as `add` printed it. */
export async function addKey(file: string, name: string, role: string): Promise<string> {
  const out = await run(['add', name, role, '--file', file]);
  return out[0]!;
}

export async function revokeKey(file: string, name: string): Promise<void> {
  await run(['revoke', name, '--file', file]);
}
