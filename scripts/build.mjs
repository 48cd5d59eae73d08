// Production build: main and preload with esbuild (CommonJS, as Electron's sandboxed
// preload requires), the renderer with Vite.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

rmSync('out', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  outExtension: { '.js': '.cjs' },
};

await Promise.all([
  esbuild({
    ...common,
    entryPoints: { index: 'main/index.ts' },
    outdir: 'out/main',
    // Runtime dependencies stay in node_modules (packaged by electron-builder): this keeps
    // TypeORM's Node build and the native SQLite module out of the bundle.
    packages: 'external',
  }),
  esbuild({
    ...common,
    // The print worker (main/app/print/jobs/builder.ts starts it), beside main's bundle.
    entryPoints: { pdfWorker: 'main/app/print/jobs/worker.ts' },
    outdir: 'out/main',
    packages: 'external',
  }),
  esbuild({
    ...common,
    entryPoints: { index: 'main/preload.ts' },
    outdir: 'out/preload',
    // A sandboxed preload can require only 'electron': everything else is bundled.
    external: ['electron'],
    minify: true,
  }),
]);

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built out/main, out/preload, out/renderer');
