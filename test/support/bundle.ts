import { build } from 'esbuild';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');

/**
 * Bundles a TypeScript entry for a plain `node` child: starting one through tsx costs
 * about two seconds of transpiling, which tests that start a child many times cannot pay.
 * Packages stay outside the bundle (the native SQLite module must), imported by their
 * absolute path in node_modules so the bundle can live in a temporary folder. `require`
 * is the checkout's, as main's CommonJS bundle has it (fontFiles.ts resolves a package
 * with it).
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
    banner: {
      js:
        `import { createRequire as bundleRequire } from 'node:module';\n` +
        `const require = bundleRequire(${JSON.stringify(join(root, 'package.json'))});`,
    },
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
