import type { Page } from '@playwright/test';
import { MANAGER, SETUP } from '../support/app';
import { sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import type { Bridge } from './bridge/server';
import { expect, screen, test } from './fixtures';

const NOTE = 'Tillsynsbesök kl. 09.40: larmet ur funktion, klienten mådde bra men';
const LEAVE_QUESTION = 'Du har ändringar som inte är sparade';

async function openJournalNotes(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Journalanteckningar' }).click();
  await expect(page.getByRole('heading', { name: 'Journalanteckningar', level: 1 })).toBeVisible();
}

/** Half a journal note, by keyboard, as during an outage. */
async function startNote(page: Page, client: string): Promise<void> {
  await page.keyboard.press('Alt+N');
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  await form.getByLabel('Klientens namn *').fill(client);
  await form.getByRole('textbox', { name: 'Personnummer' }).fill('19121212-1212');
  await form.getByLabel('Lagrum *').selectOption('HSL');
  await form.getByLabel('Anteckning *').fill(NOTE);
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

test('leaving a form with unsaved input asks first, and Avbryt keeps the text', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await arrange(
    bridge,
    'journalNotes.create',
    sampleInput('journalNotes', {
      clientName: 'Anna Svensson',
      personnummer: '20000229-1235',
    }) as never,
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await openJournalNotes(page);
  await startNote(page, 'Tolvan Tolvansson');
  const form = page.getByRole('form', { name: 'Ny journalanteckning' });
  const note = form.getByLabel('Anteckning *');
  const dialog = page.getByRole('alertdialog', { name: 'Osparade ändringar' });

  // By the menu: a real dialog, the keyboard in it on the safe choice; Esc stays.
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(LEAVE_QUESTION);
  await expect(dialog.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await screen(page, '80-leave-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Journalanteckningar', level: 1 })).toBeVisible();
  await expect(note).toHaveValue(NOTE);

  // By opening another record.
  const anna = page.getByRole('row', { name: /Anna Svensson/ });
  await anna.getByRole('button', { name: 'Anna Svensson' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(note).toHaveValue(NOTE);
  await expect(page.getByRole('heading', { name: /Anna Svensson/ })).toHaveCount(0);

  // Marking another record entered does not replace the form at all.
  await anna.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Markera som införda' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'markerad som införd' })).toBeVisible();
  await expect(note).toHaveValue(NOTE);

  // By Esc in the form itself (a slip of the finger).
  await note.press('Escape');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toHaveValue(NOTE);
  await expect(note).toBeFocused();

  // Leaving on purpose: the record opens, the half note is gone.
  await anna.getByRole('button', { name: 'Anna Svensson' }).click();
  await dialog.getByRole('button', { name: 'Lämna utan att spara' }).click();
  await expect(page.getByRole('heading', { name: /Anna Svensson/ })).toBeVisible();
  await expect(form).toHaveCount(0);

  // By Alt+N from a record being changed.
  await page.getByRole('button', { name: 'Ändra' }).click();
  const edit = page.getByRole('form', { name: 'Ändra journalanteckning' });
  await edit.getByLabel('Anteckning *').fill('Rättad text');
  await page.keyboard.press('Alt+N');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(edit.getByLabel('Anteckning *')).toHaveValue('Rättad text');

  // By signing out.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(edit.getByLabel('Anteckning *')).toHaveValue('Rättad text');
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await dialog.getByRole('button', { name: 'Lämna utan att spara' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
});

test('a form without changes is left without a question', async ({ page, bridge }) => {
  await arrangeCaseWorkerInOutage(bridge);
  await page.goto(bridge.url);
  await openJournalNotes(page);
  await page.keyboard.press('Alt+N');
  await expect(page.getByRole('form', { name: 'Ny journalanteckning' })).toBeVisible();
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.getByRole('heading', { name: 'Beslut', level: 1 })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
});

test('the same guard covers the other forms: a half-added user is not replaced', async ({
  page,
  bridge,
}) => {
  await arrange(bridge, 'unit.setup', SETUP);
  await page.goto(bridge.url);
  await page.getByRole('navigation').getByRole('button', { name: 'Användare' }).click();
  await page.getByRole('button', { name: 'Ny användare' }).click();
  await page.getByLabel('Namn', { exact: true }).fill('Ebba Ekonomi');
  const dialog = page.getByRole('alertdialog', { name: 'Osparade ändringar' });
  await page.getByRole('button', { name: `Ändra ${MANAGER.fullName}` }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue('Ebba Ekonomi');
  await page.getByRole('button', { name: `Ändra ${MANAGER.fullName}` }).click();
  await dialog.getByRole('button', { name: 'Lämna utan att spara' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(MANAGER.fullName) })).toBeVisible();
});

/** Moves main's clock and the browser's together, firing the app's timers as after a pause. */
async function pause(page: Page, bridge: Bridge, ms: number): Promise<void> {
  bridge.advanceClock(ms);
  await page.clock.fastForward(ms);
}

const seconds = (countdown: string) => {
  const [m, s] = countdown.split(':').map(Number);
  return m! * 60 + s!;
};

test('a half-written journal note survives the inactivity lock, for the same person only', async ({
  page,
  bridge,
}) => {
  await arrangeCaseWorkerInOutage(bridge);
  await page.clock.install();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await openJournalNotes(page);
  await startNote(page, 'Tolvan Tolvansson');
  const note = page.getByRole('form', { name: 'Ny journalanteckning' }).getByLabel('Anteckning *');
  const warning = page.getByRole('alert').filter({ hasText: 'på grund av inaktivitet' });
  const countdown = warning.locator('.lock-warning__time');

  // Eight and a half quiet minutes: the warning counts down main's lock time.
  await pause(page, bridge, 8.5 * 60_000);
  await expect(warning).toBeVisible();
  const first = seconds((await countdown.textContent())!);
  expect(first).toBeGreaterThan(60);
  expect(first).toBeLessThanOrEqual(90);
  await screen(page, '81-lock-warning');
  await pause(page, bridge, 20_000);
  await expect.poll(async () => seconds((await countdown.textContent())!)).toBeLessThan(first - 15);

  // Staying signed in moves the lock ten minutes on.
  await warning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
  await expect(warning).toBeHidden();
  expect(Date.parse(bridge.state.session.lockAt()!.toISOString())).toBeGreaterThan(
    bridge.state.now().getTime() + 9 * 60_000,
  );

  // Working (any key) near the lock is reported at once, throttle or not: the warning goes.
  await pause(page, bridge, 8.5 * 60_000);
  await expect(warning).toBeVisible();
  await page.keyboard.press('Shift');
  await expect(warning).toBeHidden();
  expect(bridge.state.session.lockAt()!.getTime()).toBeGreaterThan(
    bridge.state.now().getTime() + 9 * 60_000,
  );

  // Quiet again until main locks; the app has not noticed yet when Save is pressed.
  bridge.advanceClock(11 * 60_000);
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByText('Du loggades ut efter 10 minuters inaktivitet.')).toBeVisible();
  await expect(page.getByText('Osparade ändringar för Kalle Handläggare finns kvar')).toBeVisible();
  await expect(note).toBeHidden();
  await screen(page, '82-signed-out-draft-held');
  // Memory only: nothing of the draft in the browser's storage.
  expect(
    await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]),
  ).toEqual([0, 0, '']);

  // The same person: same page, same text, told so; then it is saved.
  await signIn(page, 'kalle', 'kalle-123');
  await expect(page.getByRole('heading', { name: 'Journalanteckningar', level: 1 })).toBeVisible();
  await expect(note).toHaveValue(NOTE);
  await expect(page.getByRole('status').filter({ hasText: 'Välkommen tillbaka' })).toBeVisible();
  await expect(warning).toBeHidden();
  await screen(page, '83-draft-restored');
  await note.press('End');
  await page.keyboard.type(' behövde hjälp med medicinen.');
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Posten är sparad' })).toBeVisible();
  const saved = (await arrange(bridge, 'journalNotes.list', {
    offset: 0,
    limit: 10,
  } as never)) as { rows: { clientName: string; values: { text: string } }[] };
  expect(saved.rows).toMatchObject([
    { clientName: 'Tolvan Tolvansson', values: { text: `${NOTE} behövde hjälp med medicinen.` } },
  ]);

  // Another half note, another lock, and someone else signs in: a blank start.
  // The lock comes while the "leave?" dialog is open: it must not block the sign-in screen.
  await startNote(page, 'Sara Salomonsson');
  await page.getByRole('navigation').getByRole('button', { name: 'Beslut' }).click();
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await pause(page, bridge, 11 * 60_000);
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await signIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByRole('heading', { name: 'Översikt', level: 1 })).toBeVisible();
  await expect(page.getByText('Välkommen tillbaka')).toHaveCount(0);
  await openJournalNotes(page);
  await expect(page.getByRole('form', { name: 'Ny journalanteckning' })).toHaveCount(0);
  expect(await page.content()).not.toContain('Sara Salomonsson');
  await screen(page, '84-other-person-blank');

  // And the draft is gone for good: Kalle gets a blank start too.
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await signIn(page, 'kalle', 'kalle-123');
  await expect(page.getByRole('heading', { name: 'Översikt', level: 1 })).toBeVisible();
  expect(await page.content()).not.toContain('Sara Salomonsson');
});
