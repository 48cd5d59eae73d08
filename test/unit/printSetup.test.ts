import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fontPath, unpackedPath } from '../../main/app/print/fontFiles';
import { printSubtitle } from '../../main/app/print/subtitle';

describe('the font files', () => {
  it('are found in the installed package', () => {
    expect(fontPath('regular')).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(existsSync(fontPath('bold'))).toBe(true);
  });

  it('are read from app.asar.unpacked in a packaged app', () => {
    const inAsar =
      '/opt/Reservpärm/resources/app.asar/node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf';
    const unpacked = inAsar.replace('app.asar/', 'app.asar.unpacked/');
    expect(unpackedPath(inAsar, (p) => p === unpacked)).toBe(unpacked);
    expect(unpackedPath(inAsar, () => false)).toBe(inAsar);
    const win = 'C:\\Reservpärm\\resources\\app.asar\\node_modules\\x.ttf';
    expect(unpackedPath(win, () => true)).toBe(
      'C:\\Reservpärm\\resources\\app.asar.unpacked\\node_modules\\x.ttf',
    );
  });
});

describe('printSubtitle', () => {
  it('says which outage and which part of the list was printed, in office time', () => {
    expect(
      printSubtitle({
        outage: { level: 'II', startsAt: '2026-11-20T07:00:00.000Z', endsAt: null },
        filter: { entry: 'notEntered', law: 'HSL', search: 'ström', voided: 'include' },
        personName: 'Kalle Handläggare',
      }),
    ).toBe(
      'Avbrott nivå II, 2026-11-20 08:00 – pågår · Registrerade av Kalle Handläggare · ' +
        'Endast ej införda · Lagrum HSL · Sökning ”ström”',
    );
    expect(printSubtitle({})).toBe('');
  });
});
