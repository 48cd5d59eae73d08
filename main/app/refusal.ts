import type { SessionUser } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { roleLabels } from '../../shared/roles';
import { recordAudit } from './audit/auditLog';
import type { AppState } from './state';

/**
 * Refuses what the person's role may not do: the refusal is kept in the audit log (an IT
 * department will want to see them) and the same words are shown, whether the router
 * refuses a channel or a channel refuses one register it serves (`what`: the channel).
 */
export async function refuse(
  state: AppState,
  actor: SessionUser,
  what: string,
  now: Date,
): Promise<never> {
  await state.db().transaction((em) =>
    recordAudit(em, {
      actor,
      at: now,
      action: 'access.denied',
      entity: 'channel',
      entityId: what,
    }),
  );
  throw new AppError(
    'FORBIDDEN',
    `Din roll (${roleLabels[actor.role]}) får inte göra detta. Kontakta enhetschefen.`,
  );
}
