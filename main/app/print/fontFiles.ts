import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds the DejaVu TTF files of the `dejavu-fonts-ttf` package (a runtime dependency) at
 * run time, in development and in the packaged app alike:
 *
 * - The main bundle is CommonJS (esbuild, `packages: 'external'`), so `require.resolve`
 *   finds the package in node_modules next to it: the checkout's in development, the one
 *   inside `app.asar` once packaged. electron-builder ships production dependencies by
 *   itself; electron-builder.yml keeps only the two TTF files and the licence of the
 *   package and unpacks them from the asar (`asarUnpack`), so a worker thread or any
 *   reader without Electron's asar support can read them from `app.asar.unpacked`.
 * - Tests, the demo and the bench run this file as an ES module through vitest or tsx,
 *   always from the package root (npm runs scripts there): resolve from that folder.
 */
const packageRequire: NodeJS.Require =
  typeof require === 'function' ? require : createRequire(join(process.cwd(), 'package.json'));

export type FontFace = 'regular' | 'bold';

const files: Record<FontFace, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
};

/** Where the TTF file of a face is on this machine. */
export function fontPath(face: FontFace): string {
  const folder = join(dirname(packageRequire.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  return unpackedPath(join(folder, files[face]), existsSync);
}

/** The same file in `app.asar.unpacked` when electron-builder unpacked it there. */
export function unpackedPath(path: string, exists: (path: string) => boolean): string {
  const unpacked = path.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  return unpacked !== path && exists(unpacked) ? unpacked : path;
}

const cache = new Map<FontFace, Uint8Array>();

/** The TTF bytes of a face, read once per process. */
export function fontBytes(face: FontFace): Uint8Array {
  let bytes = cache.get(face);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(fontPath(face)));
    cache.set(face, bytes);
  }
  return bytes;
}
