import { afterEach, beforeEach } from 'vitest';
import { recordingDesktop, type RecordingDesktop } from './desktop';
import { makeTempDir } from './tempDir';
import { join } from 'node:path';
import type { Channel, Input } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { Handlers } from '../../main/app/handler';
import { createRouter, type Router } from '../../main/app/router';
import { AppState } from '../../main/app/state';
import { localToInstant } from '../../shared/time';

export const PASSPHRASE = 'rätt häst batteri';

export const MANAGER = {
  fullName: 'Maja Enhetschef',
  initials: 'ME',
  username: 'maja',
  password: 'chef-lösen-1',
  passwordConfirm: 'chef-lösen-1',
};

export const CASE_WORKER = {
  fullName: 'Kalle Handläggare',
  initials: 'KH',
  username: 'kalle',
  role: 'caseWorker',
  password: 'kalle-123',
  passwordConfirm: 'kalle-123',
} as const;

/** Ebba, chef ekonomiskt bistånd (same password as Kalle, for brevity). */
export const FINANCIAL_AID_MANAGER = {
  ...CASE_WORKER,
  fullName: 'Ebba Ekonomi',
  initials: 'EE',
  username: 'ebba',
  role: 'financialAidManager',
} as const;

export const SETUP: Input<'unit.setup'> = {
  unitName: 'Enhet Test',
  department: 'Socialförvaltningen',
  passphrase: PASSPHRASE,
  passphraseConfirm: PASSPHRASE,
  manager: MANAGER,
};

/**
 * A clock that starts at an office-time moment ("2026-11-23T10:00") and then runs with
 * real time: for tests whose dates are written out and must not depend on the real day.
 */
export function clockFrom(localDateTime: string): () => Date {
  const start = Date.parse(localToInstant(localDateTime)!);
  const startedAt = performance.now();
  return () => new Date(start + (performance.now() - startedAt));
}

/**
 * For each test of the enclosing describe block: a unit set up on a real encrypted
 * database in a temporary folder, on a clock from Monday 2026-11-23 10:00 (the
 * enhetschef signed in), handed to `arrange` for the block's own set-up; closed and
 * removed after the test.
 */
export function useUnitApp(
  arrange: (app: TestApp) => void | Promise<void>,
  clock: () => Date = clockFrom('2026-11-23T10:00'),
): void {
  let app: TestApp;
  let cleanup = () => {};
  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = makeTempDir());
    app = createTestApp(dir, { clock });
    await app.ok('unit.setup', SETUP);
    await arrange(app);
  });
  afterEach(async () => {
    await app.state.close();
    cleanup();
  });
}

export interface TestApp {
  state: AppState;
  /** The save and print dialogs: a folder beside the database, and a print recorder. */
  desktop: RecordingDesktop;
  router: Router;
  call<C extends Channel>(channel: C, input?: Input<C>): Promise<Result<unknown>>;
  /** Calls and expects success; fails the test with main's message otherwise. */
  ok<C extends Channel>(channel: C, input?: Input<C>): Promise<unknown>;
  /** Signs out whoever is signed in and signs in this person (Kalle's password by default). */
  signInAs(username: string, password?: string): Promise<void>;
}

export function createTestApp(
  dir: string,
  options: {
    clock?: () => Date;
    fileName?: string;
    /** To inject failures around the real handlers. */
    handlers?: Handlers;
    /** Unexpected errors fail the test unless the test expects them. */
    onInternalError?: (channel: string, error: unknown) => void;
  } = {},
): TestApp {
  const desktop = recordingDesktop(join(dir, 'saved'));
  const state = new AppState({
    dbPath: join(dir, options.fileName ?? 'unit.db'),
    clock: options.clock,
    desktop: desktop.ports,
  });
  const router = createRouter(state, {
    handlers: options.handlers,
    onInternalError:
      options.onInternalError ??
      ((channel, error) => {
        throw new Error(`internal error in ${channel}: ${String(error)}`);
      }),
  });
  const call = <C extends Channel>(channel: C, input?: Input<C>) => router.handle(channel, input);
  const ok: TestApp['ok'] = async (channel, input) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return {
    state,
    desktop,
    router,
    call,
    ok,
    async signInAs(username, password = CASE_WORKER.password) {
      await ok('session.signOut');
      await ok('session.signIn', { username, password });
    },
  };
}
