import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InitialSchema } from '../../main/app/db/migrations/0001-initial-schema';
import { openUnitDatabase } from '../../main/app/db/open';
import { makeTempDir } from '../support/tempDir';

const PASS = 'rätt häst batteri';

describe('migrations on a database that has data in it', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('0002 keeps the unit and its users, and turns patch Wednesday on', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'unit.db');
    const v1 = await openUnitDatabase(path, PASS, { create: true, migrations: [InitialSchema] });
    await v1.query(
      `INSERT INTO unit (id, name, department, auto_lock_minutes, created_at, updated_at)
       VALUES (1, 'Enhet Äldre', 'Soc', 15, 't', 't')`,
    );
    await v1.query(
      `INSERT INTO users (id, username, full_name, initials, role, password_hash, active, created_at, updated_at)
       VALUES ('u1', 'maja', 'Maja', 'MA', 'unitManager', 'h', 1, 't', 't')`,
    );
    await v1.destroy();

    const v2 = await openUnitDatabase(path, PASS, { create: false });
    expect(await v2.query('SELECT name, auto_lock_minutes, patch_wednesday FROM unit')).toEqual([
      { name: 'Enhet Äldre', auto_lock_minutes: 15, patch_wednesday: 1 },
    ]);
    expect(await v2.query('SELECT username FROM users')).toEqual([{ username: 'maja' }]);
    expect(await v2.query('SELECT count(*) AS n FROM outages')).toEqual([{ n: 0 }]);
    await v2.destroy();
  });
});
