// npm run demo -- --out DIR --passphrase PASS
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { roleLabels } from '../shared/roles';
import { createDemo } from './demo/createDemo';

const { values } = parseArgs({
  options: { out: { type: 'string' }, passphrase: { type: 'string' } },
});
if (!values.out || !values.passphrase) {
  console.error('Användning: npm run demo -- --out KATALOG --passphrase LÖSENFRAS');
  process.exit(2);
}

const outDir = resolve(values.out);
mkdirSync(outDir, { recursive: true });
try {
  const accounts = await createDemo(outDir, values.passphrase);
  console.log(`Övningsdatabas skapad: ${outDir}/demo.db (enhet "Enhet Demo")`);
  console.log(`Starta appen mot den: npm start -- --db=${outDir}/demo.db\n`);
  console.table(
    accounts.map((a) => ({
      Namn: a.fullName,
      Roll: roleLabels[a.role],
      Användarnamn: a.username,
      Lösenord: a.password,
    })),
  );
} catch (error) {
  console.error(`Kunde inte skapa övningsdatabasen: ${(error as Error).message}`);
  process.exit(1);
}
