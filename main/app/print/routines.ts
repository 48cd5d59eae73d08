import { checklistTitle, contactsTitle } from '../../../shared/printing';
import {
  checklistQuestions,
  contactPeriods,
  emptyLocalRoutines,
} from '../../../shared/localRoutines';
import { note, ruledArea, type Cursor } from './blocks';
import { PrintDocument, type PageHeading } from './document';
import { drawTable } from './table';
import type { BlankTemplateInput } from './templateInput';

export { checklistTitle, contactsTitle };

/** A routines document's first page: its title, the unit's routines and the lead note. */
async function openRoutines(input: BlankTemplateInput, title: string, lead: string) {
  const routines = input.routines ?? emptyLocalRoutines;
  const print = await PrintDocument.create(input, title);
  const heading: PageHeading = { title, orientation: 'portrait' };
  const frame = print.addPage(heading);
  const cursor: Cursor = { print, frame, y: frame.top };
  note(cursor, lead);
  /** Moves the cursor to a new page unless `needed` points are left above the foot. */
  const keepRoom = (needed: number) => {
    if (cursor.y - needed >= cursor.frame.bottom) return;
    cursor.frame = print.addPage(heading);
    cursor.y = cursor.frame.top;
  };
  return { routines, print, heading, cursor, keepRoom };
}

/**
 * The unit's checklist for planned outages (Söderköping 2.3): each question with the
 * enhetschef's answer, or ruled lines to answer it on paper when it has none yet.
 */
export async function printChecklist(input: BlankTemplateInput): Promise<Uint8Array> {
  const { routines, print, cursor, keepRoom } = await openRoutines(
    input,
    checklistTitle,
    'Enhetschefen ansvarar för att checklistan finns och är känd av berörd personal. Gå igenom den före varje planerat avbrott.',
  );
  checklistQuestions.forEach((question, index) => {
    const answer = routines.checklistAnswers[index]?.trim() ?? '';
    const lines = answer ? print.wrap(answer, cursor.frame.width - 12, 10) : [];
    keepRoom(40 + (answer ? lines.length * 13 : 5 * 20));
    const title = `${index + 1}. ${question}`;
    for (const line of print.wrap(title, cursor.frame.width, 11, true)) {
      cursor.y -= 15;
      print.text(cursor.frame.page, line, cursor.frame.left, cursor.y, { size: 11, bold: true });
    }
    if (answer) {
      for (const line of lines) {
        keepRoom(13);
        cursor.y -= 13;
        print.text(cursor.frame.page, line, cursor.frame.left + 12, cursor.y, { size: 10 });
      }
      cursor.y -= 12;
    } else {
      ruledArea(cursor, '', { lines: 5 });
    }
  });
  return print.save();
}

/** Heading (16), gap (6), table header (~24) and one row (24), with some margin. */
const ROOM_FOR_A_PERIOD = 90;

/** Whom to call to report a fault, in office hours and after (Söderköping 3.1). */
export async function printFaultContacts(input: BlankTemplateInput): Promise<Uint8Array> {
  const { routines, print, heading, cursor, keepRoom } = await openRoutines(
    input,
    contactsTitle,
    'Kontrollera först: berör avbrottet flera system, flera medarbetare eller enheter? Fungerar inloggningen med användarnamn och lösenord?',
  );
  for (const period of contactPeriods) {
    const contacts = routines.contacts.filter((c) => c.period === period.value);
    const hours = contacts.find((c) => c.hours)?.hours;
    const title = hours ? `${period.label} ${hours}` : period.label;
    // The period's heading, its table header and a first row must fit, or a new page:
    // long notes under office hours can leave the after-hours heading no room.
    keepRoom(ROOM_FOR_A_PERIOD);
    const top = cursor.y - 16;
    print.text(cursor.frame.page, title, cursor.frame.left, top, { size: 11, bold: true });
    const rows = contacts
      .filter((c) => c.who || c.phone || c.note)
      .map((c) => ({ cells: [c.who, c.phone, c.note] }));
    // Room to write in a contact the app does not have yet.
    while (rows.length < 3) rows.push({ cells: ['', '', ''] });
    const end = drawTable(
      print,
      { ...cursor.frame, top: top - 6 },
      print.continuation(heading),
      [
        { header: 'Vem anmäler man till', weight: 2.2 },
        { header: 'Telefonnummer', weight: 1.3 },
        { header: 'Anteckning', weight: 3 },
      ],
      rows,
      { size: 9, minRowHeight: 24 },
    );
    cursor.frame = end.page;
    cursor.y = end.y - 10;
  }
  return print.save();
}
