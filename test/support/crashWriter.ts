/**
 * Child process for the killed-process test: sets up a unit, then adds users one by one
 * and prints "ACK <username>" only after each save has been acknowledged. The parent kills
 * it with SIGKILL at an arbitrary moment. (A kill is not a power loss: what the process
 * handed to the OS survives it; see the synchronous=FULL guard in durability.test.ts.)
 */
import { createTestApp, SETUP } from './app';

const dir = process.argv[2]!;
const app = createTestApp(dir);
await app.ok('unit.setup', SETUP);
process.stdout.write('READY\n');
for (let i = 0; ; i++) {
  const username = `user${i}`;
  await app.ok('users.create', {
    fullName: `Person ${i}`,
    initials: `P${i}`,
    username,
    role: 'caseWorker',
    password: 'lösen-123',
    passwordConfirm: 'lösen-123',
  });
  process.stdout.write(`ACK ${username}\n`);
}
