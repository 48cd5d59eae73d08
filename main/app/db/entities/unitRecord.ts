import { EntitySchema } from 'typeorm';

/** The single row describing the unit this installation belongs to. */
export interface UnitRecord {
  id: number;
  /**
   * The unit's own random id, the same on the office PC and every laptop prepared from it:
   * a setup or transfer file from another unit is recognised by it.
   */
  uid: string;
  name: string;
  department: string;
  autoLockMinutes: number;
  /** Show IT's monthly maintenance window (second Wednesday, 10:00–10:30) as planned. */
  patchWednesday: boolean;
  /** Cash card provider shown in the UI and on forms ("ICA" unless the unit changed). */
  cardProvider: string;
  payoutLimitOre: number;
  payoutWarningOre: number;
  payoutStrongWarningOre: number;
  /** 2–4 letters A–Z before each printed reference's serial ("ST000123"). */
  referencePrefix: string;
  /** The unit's local routines (shared/localRoutines.ts) as JSON; null until saved. */
  localRoutinesJson: string | null;
  createdAt: string;
  updatedAt: string;
}

export const UnitEntity = new EntitySchema<UnitRecord>({
  name: 'Unit',
  tableName: 'unit',
  columns: {
    id: { type: 'integer', primary: true },
    uid: { type: 'text' },
    name: { type: 'text' },
    department: { type: 'text' },
    autoLockMinutes: { type: 'integer', name: 'auto_lock_minutes' },
    patchWednesday: { type: 'boolean', name: 'patch_wednesday' },
    cardProvider: { type: 'text', name: 'card_provider' },
    payoutLimitOre: { type: 'integer', name: 'payout_limit_ore' },
    payoutWarningOre: { type: 'integer', name: 'payout_warning_ore' },
    payoutStrongWarningOre: { type: 'integer', name: 'payout_strong_warning_ore' },
    referencePrefix: { type: 'text', name: 'reference_prefix' },
    localRoutinesJson: { type: 'text', name: 'local_routines_json', nullable: true },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});
