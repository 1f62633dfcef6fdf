/**
 * Child process for the crash test (not a test file itself): opens the embedded store in the folder
 * given as argv[2], then creates actors one after another, printing "ack <id>" once each write is
 * acknowledged, until the parent kills it with SIGKILL. The TypeScript sources are compiled on the
 * fly with the project's own `typescript` package, so no build is needed.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(out.outputText, filename);
};

const root = path.join(__dirname, '..', '..');
const { EmbeddedStore } = require(path.join(root, 'server', 'store', 'embedded', 'index.ts'));
const { silentLogger } = require(path.join(root, 'server', 'logger.ts'));

async function main() {
  const dataDir = process.argv[2];
  const compactBytes = Number(process.argv[3] || 64 * 1024 * 1024);
  const store = await EmbeddedStore.open({ dataDir, logger: silentLogger(), compactBytes });
  process.stdout.write('open\n');
  for (let i = 0; i < 100000; i++) {
    const id = `actor-${i}`;
    await store.createActor({ id, name: `Actor number ${i} ${'x'.repeat(i % 50)}`, kind: 'company', aliases: [`alias ${i}`] });
    process.stdout.write(`ack ${id}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
