import type { HandlersOf } from '../handler';
import { requireActor } from '../state';
import { createUser, listUsers, resetPassword, setUserActive, updateUser } from './userService';

export const userHandlers: HandlersOf<'users'> = {
  'users.list': (_input, { state }) => listUsers(state.db()),
  'users.directory': async (_input, { state }) =>
    (await listUsers(state.db())).map(({ id, fullName, initials, active }) => ({
      id,
      fullName,
      initials,
      active,
    })),
  'users.create': (input, context) => {
    const { passwordConfirm: _confirm, ...user } = input;
    return createUser(context.state.db(), requireActor(context), user, context.now);
  },
  'users.update': (input, context) =>
    updateUser(context.state.db(), requireActor(context), input, context.now),
  'users.setActive': ({ id, active }, context) =>
    setUserActive(context.state.db(), requireActor(context), id, active, context.now),
  'users.resetPassword': async ({ id, password }, context) => {
    await resetPassword(context.state.db(), requireActor(context), id, password, context.now);
    return null;
  },
};
