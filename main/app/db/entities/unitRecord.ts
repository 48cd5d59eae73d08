import { EntitySchema } from 'typeorm';

/** The single row describing the unit this installation belongs to. */
export interface UnitRecord {
  id: number;
  name: string;
  department: string;
  autoLockMinutes: number;
  /** Show IT's monthly maintenance window (second Wednesday, 10:00–10:30) as planned. */
  patchWednesday: boolean;
  createdAt: string;
  updatedAt: string;
}

export const UnitEntity = new EntitySchema<UnitRecord>({
  name: 'Unit',
  tableName: 'unit',
  columns: {
    id: { type: 'integer', primary: true },
    name: { type: 'text' },
    department: { type: 'text' },
    autoLockMinutes: { type: 'integer', name: 'auto_lock_minutes' },
    patchWednesday: { type: 'boolean', name: 'patch_wednesday' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});
