import { roleLabels, type Role } from '../../../shared/roles';

/** Swedish words for the audit log's action codes. */
export const auditActionLabels: Record<string, string> = {
  'unit.setup': 'Enheten upprättad',
  'unit.changePassphrase': 'Lösenfrasen bytt',
  'unit.changePassphraseFailed': 'Byte av lösenfras misslyckades',
  'unit.changePassphraseWrongCurrent': 'Fel nuvarande lösenfras vid byte',
  'unit.changePassphraseThrottled': 'Byte av lösenfras under väntetid',
  'user.create': 'Användare tillagd',
  'user.update': 'Användare ändrad',
  'user.activate': 'Användare aktiverad',
  'user.deactivate': 'Användare inaktiverad',
  'user.resetPassword': 'Nytt lösenord satt',
  'session.signIn': 'Inloggning',
  'session.signInFailed': 'Misslyckad inloggning',
  'session.signInThrottled': 'Inloggning under väntetid',
  'unit.unlockFailed': 'Misslyckad upplåsning',
  'unit.unlockThrottled': 'Upplåsning under väntetid',
  'user.changePassword': 'Eget lösenord bytt',
  'user.changePasswordFailed': 'Fel nuvarande lösenord vid byte',
  'user.changePasswordThrottled': 'Lösenordsbyte under väntetid',
  'session.signOut': 'Utloggning',
  'access.denied': 'Nekad åtgärd',
  'unit.updateSettings': 'Inställningar ändrade',
  'outage.start': 'Avbrott startat',
  'outage.plan': 'Avbrott planerat',
  'outage.end': 'Avbrott avslutat',
  'outage.analysis': 'Analys av avbrott registrerad',
  'payouts.overLimit': 'Utbetalning över gränsen godkänd',
  'cashCard.reconcile': 'Avstämning med ekonomienheten',
  'custodians.create': 'Kassaförvaltare tillagd',
  'custodians.update': 'Kassaförvaltare ändrad',
  'usbReceipts.issue': 'USB-minne utlämnat',
  'usbReceipts.return': 'USB-minne återlämnat',
  // Older versions audited a print's references beside the print itself.
  'references.print': 'Referenser utskrivna på blanketter',
  'references.unprinted': 'Utskrift avbruten – referenserna togs bort',
  'references.use': 'Referens införd',
  'references.release': 'Referens frigjord (posten makulerad eller ändrad)',
  'references.writeOff': 'Referens avskriven',
  'localRoutines.update': 'Lokal checklista och kontaktlista ändrade',
  'setupFile.write': 'Installationsfil för bärbar dator skapad',
  'unit.setupFromFile': 'Datorn installerad från installationsfil',
  'device.rename': 'Datorns namn ändrat',
  'transfer.write': 'Överföringsfil skapad',
  'transfer.import': 'Överföringsfil inläst',
  'transfer.update': 'Post uppdaterad från överföringsfil (senare ändring)',
  'transfer.conflict': 'Konflikt vid inläsning – vår version behölls',
  'transfer.outageMapped': 'Avbrott från bärbar dator kopplat till enhetens avbrott',
  'transfer.importRefused': 'Överföringsfil avvisad',
  'transfer.passphraseFailed': 'Fel lösenfras till fil',
  'transfer.passphraseThrottled': 'Lösenfras till fil spärrad en stund',
  'print.blankTemplate': 'Blanketter utskrivna eller sparade som PDF',
  'print.register': 'Förteckning utskriven eller sparad som PDF',
  'print.outage': 'Förteckning över avbrott utskriven eller sparad som PDF',
  'print.custodians': 'Lista över kassaförvaltare utskriven eller sparad som PDF',
  'print.usbReceipts': 'Kvittenslista för USB-minnen utskriven eller sparad som PDF',
  'export.registerWorkbook': 'Register exporterade till Excel',
  'export.entryWorklist': 'Lista att föra in exporterad till Excel',
};

const fieldLabels: Record<string, string> = {
  fullName: 'Namn',
  initials: 'Signatur',
  username: 'Användarnamn',
  role: 'Roll',
  active: 'Status',
  name: 'Enhet',
  department: 'Förvaltning',
  autoLockMinutes: 'Automatisk låsning (min)',
  patchWednesday: 'Patchonsdag',
  referencePrefix: 'Referensprefix',
  paperReference: 'Referens',
  level: 'Nivå',
  affectedSystems: 'Berörda system',
  startsAt: 'Start',
  endsAt: 'Slut',
  note: 'Anteckning',
  status: 'Status',
  kind: 'Typ',
  analysisDoneOn: 'Analys gjord',
  analysisByName: 'Analys registrerad av',
  to: 'Till',
  path: 'Sparad som',
  pages: 'Sidor',
  references: 'Referenser',
  first: 'Första',
  last: 'Sista',
  rows: 'Rader',
  count: 'Antal',
  filter: 'Urval',
  sheets: 'Blad',
};

export function auditFieldLabel(key: string): string {
  return fieldLabels[key] ?? key;
}

export function auditValue(key: string, value: unknown): string {
  if (key === 'role' && typeof value === 'string' && value in roleLabels) {
    return roleLabels[value as Role];
  }
  if (key === 'active') return value ? 'Aktiv' : 'Inaktiverad';
  if (key === 'to')
    return value === 'printer' ? 'Skrivare' : value === 'file' ? 'PDF-fil' : String(value);
  if (key === 'sheets' && Array.isArray(value)) {
    // An export's sheets: "Beslut (6), Journalanteckningar (3)".
    return (value as { name: string; rows: number }[])
      .map((sheet) => `${sheet.name} (${sheet.rows})`)
      .join(', ');
  }
  if (key === 'filter' && value && typeof value === 'object') return exportFilterText(value);
  if (value === null || value === undefined) return '–';
  return String(value);
}

/** An export's selection: "avbrott …, person …, 2026-03-01 – 2026-03-31", or "alla poster". */
function exportFilterText(filter: {
  outageId?: string | null;
  createdById?: string | null;
  from?: string | null;
  to?: string | null;
}): string {
  const parts = [
    filter.outageId ? `avbrott ${filter.outageId}` : '',
    filter.createdById ? `person ${filter.createdById}` : '',
    filter.from || filter.to ? `${filter.from ?? '…'} – ${filter.to ?? '…'}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'alla poster';
}
