import type { AuditAction } from '../../../shared/audit/actions';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { buildStatus } from '../status';
import { authenticate, changeOwnPassword } from '../users/userService';
import { throttledAttempt } from './throttle';

export const appHandlers: HandlersOf<'app'> = {
  'app.status': (_input, { state }) => buildStatus(state),
};

/** Attempts are counted per name as people type it ("Kalle" and "kalle" are one person). */
const attemptKey = (username: string) => username.trim().toLocaleLowerCase('sv-SE');

function audit(
  dataSource: DataSource,
  actor: Pick<SessionUser, 'id' | 'fullName'> | null,
  at: Date,
  action: AuditAction,
  entityId: string | null,
  after?: unknown,
): Promise<void> {
  // What was typed is never kept: people type their password into the wrong field.
  return dataSource.transaction((em) =>
    recordAudit(em, { actor, at, action, entity: 'session', entityId, after }),
  );
}

export const sessionHandlers: HandlersOf<'session'> = {
  'session.signIn': async ({ username, password }, { state, now }) => {
    const dataSource = state.db();
    const user = await throttledAttempt({
      throttle: state.signInThrottle,
      key: attemptKey(username),
      now,
      field: 'password',
      wrongCode: 'SIGN_IN_FAILED',
      actions: { failed: 'session.signInFailed', throttled: 'session.signInThrottled' },
      audit: (action, waitSeconds) => audit(dataSource, null, now, action, null, { waitSeconds }),
      attempt: async () => {
        const found = await authenticate(dataSource, username, password);
        if (!found) {
          throw new AppError('SIGN_IN_FAILED', 'Fel användarnamn eller lösenord.', {
            password: 'Fel användarnamn eller lösenord.',
          });
        }
        return found;
      },
    });
    await audit(dataSource, user, now, 'session.signIn', user.id);
    state.session.signIn(user.id, now);
    return buildStatus(state);
  },
  'session.signOut': async (_input, context) => {
    const actor = requireActor(context);
    await audit(context.state.db(), actor, context.now, 'session.signOut', actor.id);
    context.state.session.signOut();
    return buildStatus(context.state);
  },
  // The router already counted the call as activity.
  'session.touch': () => Promise.resolve(null),
  'session.changePassword': async ({ current, password }, context) => {
    const { state, now } = context;
    const actor = requireActor(context);
    const dataSource = state.db();
    // The same count as sign-in: an unattended open session must not become a way to
    // guess the person's password at full speed.
    await throttledAttempt({
      throttle: state.signInThrottle,
      key: attemptKey(actor.username),
      now,
      field: 'current',
      wrongCode: 'WRONG_PASSWORD',
      actions: { failed: 'user.changePasswordFailed', throttled: 'user.changePasswordThrottled' },
      audit: (action, waitSeconds) =>
        audit(dataSource, actor, now, action, actor.id, { waitSeconds }),
      attempt: async () => {
        if (!(await changeOwnPassword(dataSource, actor, current, password, now))) {
          throw AppError.field('WRONG_PASSWORD', 'current', 'Nuvarande lösenord är fel.');
        }
      },
    });
    return null;
  },
};
