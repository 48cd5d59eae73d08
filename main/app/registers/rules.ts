import type { EntityManager } from 'typeorm';
import type { RegisterKey } from '../../../shared/registers';
import { payoutRules } from '../payouts/payoutRules';
import type { RegisterCall } from './registerService';
import type { Row } from './table';

/** What a register adds to the generic handling: its own columns, list source, checks. */
export interface RegisterRules {
  /** Columns main keeps beside the definition's fields. */
  extraColumns?: readonly string[];
  /** SQL used instead of the table in list queries (e.g. to add a running total). */
  listSource?: string;
  /** Checked inside the save's transaction; may throw an AppError or write audit entries. */
  beforeSave?(context: {
    manager: EntityManager;
    call: RegisterCall;
    id: string;
    values: Record<string, unknown>;
    before: Row | null;
  }): Promise<void>;
  beforeVoid?(context: { manager: EntityManager; before: Row }): Promise<void>;
}

const rules: Partial<Record<RegisterKey, RegisterRules>> = { payouts: payoutRules };

export const rulesFor = (key: RegisterKey): RegisterRules => rules[key] ?? {};
