/**
 * Starts a worker thread from a module beside the caller, from either the built code or the
 * TypeScript sources. Under ts-jest the sources are TypeScript: the worker compiles each module as
 * it is required (typescript's transpileModule, no type check); built code in dist/ runs the .js
 * file directly. Used by the extraction pool and the import reader.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const TS_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const ts = require('node:module').createRequire(workerData.script)('typescript');
require.extensions['.ts'] = (module, filename) => {
  const out = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, resolveJsonModule: true },
  });
  module._compile(out.outputText, filename);
};
require(workerData.script);
`;

/** A worker running `<dir>/<name>.js` (built) or `<dir>/<name>.ts` (sources), as the caller itself runs. */
export function startWorkerBeside(callerFile: string, dir: string, name: string): Worker {
  const script = path.join(dir, `${name}${path.extname(callerFile)}`);
  return script.endsWith('.ts') ? new Worker(TS_BOOTSTRAP, { eval: true, workerData: { script } }) : new Worker(script);
}
