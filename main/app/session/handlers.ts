import { AppError } from '../../../shared/result';
import { recordAudit } from '../audit/auditLog';
import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { buildStatus } from '../status';
import { authenticate } from '../users/userService';

export const appHandlers: HandlersOf<'app'> = {
  'app.status': (_input, { state }) => buildStatus(state),
};

export const sessionHandlers: HandlersOf<'session'> = {
  'session.signIn': async ({ username, password }, { state, now }) => {
    const dataSource = state.db();
    const user = await authenticate(dataSource, username, password);
    await dataSource.transaction((em) =>
      recordAudit(em, {
        actor: user,
        at: now,
        action: user ? 'session.signIn' : 'session.signInFailed',
        entity: 'session',
        entityId: user?.id ?? null,
        // What was typed is not kept: people type their password into the wrong field.
      }),
    );
    if (!user) {
      throw new AppError('SIGN_IN_FAILED', 'Fel användarnamn eller lösenord.', {
        password: 'Fel användarnamn eller lösenord.',
      });
    }
    state.session.signIn(user.id, now);
    return buildStatus(state);
  },
  'session.signOut': async (_input, context) => {
    const actor = requireActor(context);
    await context.state.db().transaction((em) =>
      recordAudit(em, {
        actor,
        at: context.now,
        action: 'session.signOut',
        entity: 'session',
        entityId: actor.id,
      }),
    );
    context.state.session.signOut();
    return buildStatus(context.state);
  },
  // The router already counted the call as activity.
  'session.touch': () => Promise.resolve(null),
};
