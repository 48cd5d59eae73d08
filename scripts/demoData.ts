import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Channel, Input } from '../shared/contract';
import type { Role } from '../shared/roles';
import { createRouter } from '../main/app/router';
import { AppState } from '../main/app/state';

/** Invented people for practice (övningsläge); none of them exists. */
const demoPeople: { fullName: string; initials: string; username: string; role: Role }[] = [
  { fullName: 'Anna Lindqvist', initials: 'AL', username: 'anna', role: 'unitManager' },
  { fullName: 'Karin Berg', initials: 'KB', username: 'karin', role: 'caseWorker' },
  { fullName: 'Omar Haddad', initials: 'OH', username: 'omar', role: 'financialAidManager' },
];

export interface DemoAccount {
  fullName: string;
  username: string;
  role: Role;
  password: string;
}

/** Easy to read aloud in a training session: "övning-4821-ljus". */
function practicePassword(): string {
  const words = ['ljus', 'hav', 'skog', 'sol', 'berg', 'äng', 'sjö', 'vind'];
  return `övning-${randomInt(1000, 10000)}-${words[randomInt(words.length)]}`;
}

/**
 * Creates DIR/demo.db through the real router, exactly as the app would: the unit
 * "Enhet Demo" and one user per role. Returns the accounts with their passwords.
 */
export async function createDemo(outDir: string, passphrase: string): Promise<DemoAccount[]> {
  const state = new AppState({ dbPath: join(outDir, 'demo.db') });
  const router = createRouter(state);
  const call = async <C extends Channel>(channel: C, input: Input<C>) => {
    const result = await router.handle(channel, input);
    if (!result.ok) {
      const details = result.error.fields ? ` ${JSON.stringify(result.error.fields)}` : '';
      throw new Error(`${result.error.message}${details}`);
    }
    return result.value;
  };

  const accounts = demoPeople.map((person) => ({ ...person, password: practicePassword() }));
  const [manager, ...others] = accounts;
  try {
    await call('unit.setup', {
      unitName: 'Enhet Demo',
      department: 'Socialförvaltningen',
      passphrase,
      passphraseConfirm: passphrase,
      manager: { ...manager!, passwordConfirm: manager!.password },
    });
    for (const person of others) {
      await call('users.create', { ...person, passwordConfirm: person.password });
    }
  } finally {
    await state.close();
  }
  return accounts.map(({ fullName, username, role, password }) => ({
    fullName,
    username,
    role,
    password,
  }));
}
