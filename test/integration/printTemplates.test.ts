import { describe, expect, it } from 'vitest';
import {
  blankTemplateKeys,
  blankTemplates,
  buildFilledRegister,
  referencesNeeded,
  type BlankTemplateKey,
} from '../../main/app/print';
import { MARGIN } from '../../main/app/print/document';
import { registers } from '../../shared/registers';
import { usbReturnCertification } from '../../shared/usbReceipts';
import { keepAndRead, renderFirstPage, wordBoxes } from '../support/pdf';
import { printRecord } from '../support/printRecords';

const context = {
  unit: 'Enhet Söder – Äldreomsorg',
  printedBy: 'Łukasz Wołek',
  // 23:30 UTC is already the next day in Stockholm: the footer must say so.
  printedAt: '2026-11-23T23:30:00.000Z',
  cardProvider: 'ICA',
};

/** Words each template must show, å ä ö intact (beside its title and the frame's). */
const expected: Record<BlankTemplateKey, string[]> = {
  custodians: ['Namn', 'Enhet', 'Telefonnummer', 'E-post'],
  usbReceipts: ['Datum utlämning', 'Namn och signatur', 'Arbetsplats', 'USB-minnets nummer'],
  decisionList: [
    'Klientens namn',
    'Personnummer',
    'Ändamål/insats',
    'Beslutsfattare',
    'Beslutsdatum',
  ],
  otherDocumentList: [
    'Datum',
    'Vad har upprättats',
    'Journalanteckning, beställning, utredning, osv.',
    'Signering',
    'Förvaras',
  ],
  payoutList: ['Verifikationsnummer', 'Ändamål', 'Beslutsfattare', 'ICA-kontot'],
  decisionDocument: ['Klientens namn', 'Beslut och motivering', 'Beslutsfattare'],
  orderForm: ['Utförare', 'Brådskande', 'Internpost', 'Fax', 'Mottagen av utföraren'],
  journalSheet: ['Datum och tid', 'Lagrum', 'SoL', 'LSS', 'HSL', 'Anteckning', 'Författare'],
  homeCareTime: ['Klientens namn', 'Tid från', 'Total tid (min)', 'Signatur'],
  medicationSigning: ['Läkemedel, styrka', 'Patientens namn', '31'],
  rehabSigning: ['Insats/åtgärd', 'Frekvens', '31'],
  paymentBasis: [
    'Uppdragstagarens namn',
    'Clearingnummer',
    'Summa att betala ut',
    'serviceförvaltningen',
  ],
  plannedOutageChecklist: [
    'Vilken information som behöver dras ut på papper innan avbrottet',
    'Hur information ska skrivas in efter avbrottet och av vem',
  ],
  faultContacts: ['Under kontorstid 08:00–16:00', 'Efter kontorstid', 'Telefonnummer'],
};

const squash = (text: string) => text.replace(/\s+/g, ' ');

let serial = 0;
const references = (count: number) =>
  Array.from({ length: count }, () => `SODT${String(++serial).padStart(5, '0')}`);

describe('blank templates', () => {
  it.each(blankTemplateKeys)(
    '%s: title, headings, unit, footer, references, not blank',
    async (key) => {
      const template = blankTemplates[key];
      const refs = references(referencesNeeded(key, 2));
      const pdf = await keepAndRead(
        `template-${key}`,
        await template.build({ ...context, references: refs, pages: 2 }),
      );
      const text = squash(pdf.raw);
      // Two pages asked for: two pages of rows, or two sheets, each numbered of 2. The
      // routines print what the unit wrote, on as many pages as it takes.
      const pages = key === 'plannedOutageChecklist' || key === 'faultContacts' ? 1 : 2;
      expect(pdf.pages).toBe(pages);
      expect(text).toContain(template.title('ICA'));
      for (const word of expected[key]) expect(text).toContain(word);
      pdf.pageTexts.forEach((page, index) => {
        expect(squash(page)).toContain(context.unit);
        expect(squash(page)).toContain(`Sida ${index + 1} av ${pages}`);
        expect(squash(page)).toContain('Utskriven 2026-11-24 00:30 av Łukasz Wołek');
      });
      for (const reference of refs) expect(text).toContain(reference);
      expect(renderFirstPage(pdf.path).variance).toBeGreaterThan(100);
    },
  );

  it('prints each appendix with the Handläggare line, and Bilaga 2 with its certification', async () => {
    for (const key of [
      'custodians',
      'usbReceipts',
      'decisionList',
      'otherDocumentList',
      'payoutList',
    ] as const) {
      const pdf = await keepAndRead(
        `template-${key}-line`,
        await blankTemplates[key].build(context),
      );
      expect(pdf.text).toMatch(/Handläggare: *_* *\n|Handläggare:/);
    }
    const usb = await keepAndRead(
      'template-usb-cert',
      await blankTemplates.usbReceipts.build(context),
    );
    expect(squash(usb.raw)).toContain(usbReturnCertification);
  });

  it('takes Bilaga 5’s title and running-total heading from the unit’s card provider', async () => {
    const pdf = await keepAndRead(
      'template-payouts-coop',
      await blankTemplates.payoutList.build({ ...context, cardProvider: 'Coop' }),
    );
    expect(squash(pdf.text)).toContain('Bilaga 5: Utförda utbetalningar via Coop-kort');
    expect(squash(pdf.text)).toContain('Coop-kontot');
    expect(blankTemplates.payoutList.title('Coop')).toBe(
      'Bilaga 5: Utförda utbetalningar via Coop-kort',
    );
  });

  it('takes the appendices’ column headings from the register definitions', async () => {
    const pdf = await keepAndRead(
      'template-decisions-defs',
      await blankTemplates.decisionList.build(context),
    );
    const text = squash(pdf.text);
    for (const key of registers.decisions.blankForm!.columns) {
      const field = registers.decisions.fields.find((f) => f.key === key);
      if (field) expect(text).toContain(field.label);
    }
  });

  it('needs ten references a page for a register form, one a sheet, none for the others', () => {
    expect(referencesNeeded('decisionList', 3)).toBe(30);
    expect(referencesNeeded('journalSheet', 3)).toBe(3);
    expect(referencesNeeded('homeCareTime', 3)).toBe(0);
  });

  it('refuses a reference a keyboard layout could type differently', async () => {
    await expect(
      blankTemplates.decisionDocument.build({ ...context, references: ['SÖD-0001'] }),
    ).rejects.toThrow(/not a reference/);
  });

  it('prints the unit’s own checklist answers and fault contacts', async () => {
    const routines = {
      checklistAnswers: [
        'Personkort och genomförandeplaner för alla brukare skrivs ut dagen före.',
        '',
        'Journalanteckningar skrivs på journalbladet och förvaras i aktskåpet.',
        'Zoltán Kővári för in anteckningarna inom tre dagar.',
      ],
      contacts: [
        {
          period: 'office' as const,
          hours: '08:00–16:00',
          who: 'Socialförvaltningens support',
          phone: '0121-182 18',
          note: 'Easit i första hand.',
        },
        {
          period: 'afterHours' as const,
          hours: '17:00–07:30',
          who: 'Jourhavande chef i Norrköping',
          phone: '011-15 39 68',
          note: 'Bara när flera medarbetare berörs.',
        },
      ],
    };
    const checklist = squash(
      (
        await keepAndRead(
          'template-checklist-filled',
          await blankTemplates.plannedOutageChecklist.build({ ...context, routines }),
        )
      ).text,
    );
    expect(checklist).toContain('Zoltán Kővári för in anteckningarna inom tre dagar.');
    expect(checklist).toContain('Personkort och genomförandeplaner');
    const contacts = squash(
      (
        await keepAndRead(
          'template-contacts-filled',
          await blankTemplates.faultContacts.build({ ...context, routines }),
        )
      ).text,
    );
    expect(contacts).toContain('Jourhavande chef i Norrköping');
    expect(contacts).toContain('011-15 39 68');
    expect(contacts).toContain('Efter kontorstid – kvällar, nätter och helger 17:00–07:30');
  });

  it('moves the after-hours contacts to a new page when long notes fill the first', async () => {
    // Four office contacts with 500-character notes end the first table just above the
    // page's foot (found by trying lengths against the old layout, which threw here).
    const long = 'Ring först växeln och be om jourhavande. '.repeat(40).slice(0, 500);
    const contact = (period: 'office' | 'afterHours', n: number) => ({
      period,
      hours: period === 'office' ? '08:00–16:00' : '17:00–07:30',
      who: `Kontakt ${n}`,
      phone: '011',
      note: period === 'office' ? long : 'kort',
    });
    const routines = {
      checklistAnswers: ['', '', '', ''],
      contacts: [0, 1, 2, 3].map((n) => contact('office', n)).concat([contact('afterHours', 5)]),
    };
    // Before, the after-hours heading was drawn past the page's end and the table threw.
    const pdf = await keepAndRead(
      'template-contacts-long',
      await blankTemplates.faultContacts.build({ ...context, routines }),
    );
    const text = squash(pdf.text);
    expect(text).toContain('Kontakt 5');
    expect(text).toContain('Efter kontorstid – kvällar, nätter och helger 17:00–07:30');
    expect(text).toContain('Sida 2 av 2');
  });
});

describe('long names in the page frame', () => {
  const unit =
    'Socialförvaltningen, Spånga-Tensta stadsdelsförvaltning, enheten för ekonomiskt bistånd och försörjningsstöd, mottagning'
      .padEnd(120, ' x')
      .slice(0, 120);
  const printedBy = `Maria-Magdalena ${'Åkesson-'.repeat(14)}Lindqvist`;

  it('keeps a 120-character unit name, a long printer and subtitle within the page', async () => {
    expect(unit).toHaveLength(120);
    const long = { ...context, unit, printedBy };
    const pdfs = [
      await keepAndRead('frame-long-custodians', await blankTemplates.custodians.build(long)),
      await keepAndRead(
        'frame-long-decision-list',
        await blankTemplates.decisionList.build({ ...long, references: references(10) }),
      ),
      await keepAndRead(
        'frame-long-register',
        await buildFilledRegister({
          ...long,
          // One word longer than the page, then words enough for many lines.
          subtitle: `Sökning ”${'x'.repeat(300)}” ${'Registrerade av Maria Åkesson · '.repeat(20)}`,
          register: 'decisions',
          records: [printRecord({ purpose: 'Hyra', decisionDate: '2026-11-23' })],
        }),
      ),
    ];
    // A taller heading leaves fewer blank rows, never a page of its own.
    expect(pdfs.map((pdf) => pdf.pages)).toEqual([1, 1, 1]);
    for (const pdf of pdfs) {
      for (const page of wordBoxes(pdf.path)) {
        for (const word of page.words) {
          expect(word.xMin, `${pdf.path}: ${word.text}`).toBeGreaterThanOrEqual(MARGIN - 0.5);
          expect(word.xMax, `${pdf.path}: ${word.text}`).toBeLessThanOrEqual(
            page.width - MARGIN + 0.5,
          );
          expect(word.yMin).toBeGreaterThanOrEqual(0);
          expect(word.yMax).toBeLessThanOrEqual(page.height);
        }
        // The footer: who printed ends before the page number begins.
        const number = page.words.find((w) => w.text === 'Sida')!;
        const footer = page.words.filter(
          (w) => Math.abs(w.yMin - number.yMin) < 1 && w.xMin < number.xMin,
        );
        expect(Math.max(...footer.map((w) => w.xMax))).toBeLessThan(number.xMin);
      }
      const text = squash(pdf.text);
      // The unit on two lines at most, cut with "…"; the printer on one line.
      expect(text).toContain('Socialförvaltningen, Spånga-Tensta');
      expect(text).toMatch(/Utskriven 2026-11-24 00:30 av Maria-Magdalena Åkesson-[^ ]*…/);
      expect(renderFirstPage(pdf.path).variance).toBeGreaterThan(100);
    }
  });
});
