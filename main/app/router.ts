import { auditInactivityLock } from './session/inactivityLock';
import '../../shared/zodLocale';
import type { z } from 'zod';
import { allows, type Access } from '../../shared/access';
import { contract, type Channel } from '../../shared/contract';
import { isDamageError } from './db/damage';
import { AppError, type AppErrorData, type Result } from '../../shared/result';
import { commitCount } from './db/commits';
import type { Handler, Handlers } from './handler';
import { exceedsInputSize, inputTooLarge } from './inputSize';
import { handlers as defaultHandlers } from './handlers';
import { refuse } from './refusal';
import type { AppState, HandlerContext } from './state';
import { findActiveUser, toSessionUser } from './users/userService';

export interface Router {
  /** Answers one call from the renderer. Never throws: failures come back as results. */
  handle(channel: string, input: unknown): Promise<Result<unknown>>;
  /**
   * Runs work of main's own (a scheduled backup) in the same line as the calls: VACUUM
   * INTO cannot run while a call's transaction is open on the one connection.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}

export interface RouterOptions {
  handlers?: Handlers;
  /** Where unexpected errors are reported; they never reach the renderer in detail. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/**
 * The single path of every call: authorize → validate input → handler → validate
 * output. Calls are run one at a time: the database has one connection, and a desktop
 * app with one person at the keyboard gains nothing from interleaving transactions.
 */
export function createRouter(state: AppState, options: RouterOptions = {}): Router {
  const handlers = options.handlers ?? defaultHandlers;
  const onInternalError = options.onInternalError ?? (() => undefined);
  let queue: Promise<unknown> = Promise.resolve();

  async function dispatch(channel: string, input: unknown): Promise<Result<unknown>> {
    if (!Object.hasOwn(contract, channel)) {
      return failure({ code: 'UNKNOWN_CHANNEL', message: `Okänt anrop: ${channel}` });
    }
    // Before zod or anything else walks it: a huge payload must cost nothing.
    if (exceedsInputSize(input)) return failure(inputTooLarge);
    const name = channel as Channel;
    const spec = contract[name];
    const committedBefore = commits(state);
    try {
      const context = await authorize(state, name, spec.access);
      const parsed = validate(spec.input as z.ZodType, input);
      if (!parsed) return failure({ code: 'VALIDATION', message: malformedInput });
      if (!parsed.success) return failure(validationError(parsed.error));
      const handler = handlers[name] as Handler<Channel>;
      const output = await handler(parsed.data as never, context);
      return { ok: true, value: (spec.output as z.ZodType).parse(output) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toData());
      // SQLite met a damaged page: the file must be checked in full at the next open.
      if (isDamageError(error)) state.doubtIntegrity();
      onInternalError(channel, error);
      // Once a transaction has committed, "nothing was saved" would be a lie, and trying
      // again would save it twice.
      return failure(
        commits(state) !== committedBefore
          ? {
              code: 'SAVED_WITH_ERROR',
              message:
                'Ändringen sparades, men ett fel inträffade efteråt. Ladda om sidan för att se ' +
                'det som sparades innan du gör om något. Kontakta IT om felet kvarstår.',
            }
          : {
              code: 'INTERNAL',
              message:
                'Ett oväntat fel inträffade. Ingenting sparades. Försök igen eller kontakta IT.',
            },
      );
    }
  }

  return {
    handle(channel, input) {
      // Progress is read from memory while a long call holds the queue.
      const spec = Object.hasOwn(contract, channel) ? contract[channel as Channel] : null;
      if (spec && 'unqueued' in spec && spec.unqueued) return dispatch(channel, input);
      const run = queue.then(() => dispatch(channel, input));
      queue = run.catch(() => undefined);
      return run;
    },
    exclusive(task) {
      const run = queue.then(task);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** Transactions committed so far on the open database (setup and unlock open one). */
function commits(state: AppState): number {
  return state.isOpen ? commitCount(state.db()) : 0;
}

function failure(error: AppErrorData): Result<never> {
  return { ok: false, error };
}

async function authorize(
  state: AppState,
  channel: Channel,
  access: Access,
): Promise<HandlerContext> {
  const now = state.now();
  if (access === 'public') return { state, actor: null, now };
  const dataSource = state.db();
  if (access === 'unlocked') return { state, actor: null, now };

  const userId = state.session.currentUserId(now);
  await auditInactivityLock(state);
  if (!userId) {
    throw state.session.signedOutReason === 'inactivity'
      ? new AppError(
          'SESSION_LOCKED',
          'Du har loggats ut efter en tids inaktivitet. Logga in igen.',
        )
      : new AppError('NOT_SIGNED_IN', 'Du är inte inloggad.');
  }
  const record = await findActiveUser(dataSource, userId);
  if (!record) {
    state.session.signOut();
    throw new AppError('NOT_SIGNED_IN', 'Ditt konto är inte längre aktivt.');
  }
  const actor = toSessionUser(record);
  if (!allows(access, actor.role)) return refuse(state, actor, channel, now);
  state.session.touch(now);
  return { state, actor, now };
}

/** What a field without a message of its own says when the input is not of its form. */
export const malformedInput =
  'Uppgifterna kom fram i fel form och kunde inte läsas. Ingenting sparades. Ladda om sidan och försök igen.';

/**
 * The input parsed, or null when zod itself broke on it: its length checks also run on a
 * non-string that has a `length`, and one that cannot become a number (an object without
 * prototype, possible through IPC) makes zod throw instead of answering.
 */
function validate(schema: z.ZodType, input: unknown): z.ZodSafeParseResult<unknown> | null {
  try {
    // A message the schema does not write itself (a wrong type from a broken or hostile
    // caller) would be zod's generic text; the person gets one that says what happened.
    return schema.safeParse(input, { error: () => malformedInput });
  } catch {
    return null;
  }
}

function validationError(error: z.ZodError): AppErrorData {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_';
    fields[path] ??= issue.message;
  }
  const messages = Object.values(fields);
  return {
    code: 'VALIDATION',
    message: messages.length === 1 ? messages[0]! : 'Kontrollera de markerade fälten.',
    fields,
  };
}
