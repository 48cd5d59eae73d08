import { EntitySchema } from 'typeorm';
import type { Role } from '../../../../shared/roles';

export interface UserRecord {
  id: string;
  username: string;
  fullName: string;
  initials: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const UserEntity = new EntitySchema<UserRecord>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'text', primary: true },
    username: { type: 'text' },
    fullName: { type: 'text', name: 'full_name' },
    initials: { type: 'text' },
    role: { type: 'text' },
    passwordHash: { type: 'text', name: 'password_hash' },
    active: { type: 'boolean' },
    createdAt: { type: 'text', name: 'created_at' },
    updatedAt: { type: 'text', name: 'updated_at' },
  },
});
