import { build } from 'esbuild';
import { isBuiltin } from 'node:module';

/**
 * Bundles a TypeScript entry for a plain `node` child: starting one through tsx costs
 * about two seconds of transpiling, which tests that start a child many times cannot pay.
 * Packages stay outside the bundle (the native SQLite module must), imported by their
 * absolute path in node_modules so the bundle can live in a temporary folder.
 */
export async function bundleForNode(entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-by-absolute-path',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (isBuiltin(args.path)) return { external: true };
            if (args.pluginData === 'inner') return undefined;
            const resolved = await build.resolve(args.path, {
              kind: args.kind,
              resolveDir: args.resolveDir,
              importer: args.importer,
              pluginData: 'inner',
            });
            if (resolved.errors.length > 0) return { errors: resolved.errors };
            return { path: resolved.path, external: true };
          });
        },
      },
    ],
  });
  return outfile;
}
