/** The version of a package as installed, read from its package.json (which some packages do not export). */
import fs from 'node:fs';
import path from 'node:path';

export function installedVersion(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  for (;;) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json found for ${pkg}`);
    dir = up;
  }
}

/** The message of a failed pin: what to re-check, by hand, before the pin moves. */
export function pinMessage(pkg: string, pinned: string, installed: string, module: string): string {
  return `${pkg} ${installed} is installed, but ${module} reaches into ${pkg} ${pinned}'s internals: check that they still hold there, then update the version it names`;
}
