/** Builds the browser (client/) into dist/client, which the Express server serves at `/`. */
import path from 'node:path';
import { defineConfig } from 'vite';

const CONTRACT = path.resolve(__dirname, 'contract') + path.sep;

export default defineConfig({
  root: 'client',
  base: '/',
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // Cytoscape and its layout are one large, cacheable chunk; the warning is expected.
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // contract/ is pure declarations (schemas, vocabularies, functions): a module of it whose
      // exports nothing on a path uses may be left out. Without this, importing anything from the
      // contract's index kept every schema, and zod with them, in the first view's bundle, though
      // only the edit form (loaded on demand) validates with them.
      // Building a zod schema has no effect but the schema: one that nothing uses is dropped.
      treeshake: { moduleSideEffects: (id) => !id.startsWith(CONTRACT), manualPureFunctions: ['z'] },
      output: {
        // Libraries in a chunk of their own: a new build of the app leaves them cached (their
        // names keep their hash), so a returning reader downloads only what changed.
        manualChunks: (id) => (/[\\/]node_modules[\\/](cytoscape|luxon|edtf|nearley)[\\/]/.test(id) ? 'vendor' : undefined),
        // The views fetched on demand (client/modes/views.ts) are each named after their mode, so
        // a failed or slow fetch in the network log (or a test's route) says which view it was.
        chunkFileNames: (chunk) => {
          const mode = /[\\/]client[\\/]modes[\\/]([a-z]+)[\\/]view\.ts$/.exec(chunk.facadeModuleId ?? '')?.[1];
          return mode ? `assets/mode-${mode}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
    },
  },
  worker: { format: 'es' },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
