// A part of `npm run bench` that must run in a process of its own: a cold open, a peak
// memory, or a run that takes a gigabyte the rest of the bench should not inherit. Started
// by `runChild` (below, from bench.ts) as `node --import tsx scripts/bench/child.ts <part>
// <args>`; prints its result as one JSON line on stdout.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { forgetCleanClose } from '../../main/app/db/cleanClose';
import { closeUnitDatabase, openUnitDatabase } from '../../main/app/db/open';
import { summarizeRegisters } from '../../main/app/registers/registerQueries';
import { BENCH_PASSPHRASE, benchNow } from './units';

const parts: Record<string, (...args: string[]) => Promise<unknown>> = {
  /**
   * Unlocking a unit and showing the overview: the app's own open (key derivation, the
   * integrity check, migrations checked) and the overview's register counts, in a process
   * that has not touched the database before.
   */
  async open(dbPath: string) {
    const start = performance.now();
    const dataSource = await openUnitDatabase(dbPath, BENCH_PASSPHRASE, { create: false });
    await summarizeRegisters(dataSource, benchNow, 'unitManager');
    const ms = performance.now() - start;
    // As the app closes it, so the next open finds it as left (cleanClose.ts).
    await closeUnitDatabase(dataSource);
    return ms;
  },
  /** The same after a crash: no record of a clean close, so every page is checked first. */
  async openAfterCrash(dbPath: string) {
    forgetCleanClose(dbPath);
    return parts.open!(dbPath);
  },
  async excelRatio(dbPath: string, dir: string) {
    const { excelRatio } = await import('../benchExcel');
    return excelRatio(dbPath, dir);
  },
};

const self = fileURLToPath(import.meta.url);

/** Runs a part in a child process and gives back what it printed. */
export function runChild<T>(part: keyof typeof parts, ...args: string[]): Promise<T> {
  return runNode(['--import', 'tsx', self, part, ...args], process.env, part);
}

/**
 * The Excel export's peak memory (exportMemory.ts), in a child process running a bundle
 * built as the app's main process is built (scripts/build.mjs: esbuild, CommonJS, packages
 * left in node_modules), with plain Node: the export as the app runs it, without tsx.
 */
export async function runExportMemory(dbPath: string, dir: string): Promise<number> {
  const bundle = join(dir, 'exportMemory.cjs');
  await build({
    stdin: {
      contents:
        "import { exportPeakMemory } from './exportMemory';\n" +
        'void exportPeakMemory(process.argv[2]!, process.argv[3]!).then((mb) =>\n' +
        '  console.log(JSON.stringify(mb)));\n',
      resolveDir: dirname(self),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    outfile: bundle,
    logLevel: 'warning',
  });
  // The bundle lies outside the project: its packages are found through NODE_PATH.
  const nodeModules = join(dirname(self), '..', '..', 'node_modules');
  return runNode([bundle, dbPath, dir], { ...process.env, NODE_PATH: nodeModules }, 'memory');
}

function runNode<T>(args: string[], env: NodeJS.ProcessEnv, part: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`bench part ${part} exited with ${code}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}

if (process.argv[1] === self) {
  const [part, ...args] = process.argv.slice(2);
  const run = parts[part!];
  if (!run) throw new Error(`no bench part ${part}`);
  console.log(JSON.stringify(await run(...args)));
}
