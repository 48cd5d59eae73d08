import type { Page } from '@playwright/test';
import type { RegisterRecord } from '../../shared/registers/schemas';
import { SETUP } from '../support/app';
import { decisionWithPurpose, sampleInput } from '../support/records';
import { arrange, arrangeCaseWorkerInOutage } from './arrange';
import { expectNoSeriousA11yViolations } from './axe';
import { expect, screen, test } from './fixtures';

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name }).click();

test('the enhetschef verifies the Händelselogg, and after a tampering sees which entry', async ({
  page,
  bridge,
}) => {
  // Kalle records a decision and changes it; Maja, the enhetschef, checks the log.
  await arrangeCaseWorkerInOutage(bridge);
  const decision = (await arrange(
    bridge,
    'decisions.create',
    sampleInput('decisions') as never,
  )) as RegisterRecord;
  bridge.advanceClock(7 * 60_000);
  await arrange(
    bridge,
    'decisions.update',
    decisionWithPurpose(decision.id, 'Hyra december') as never,
  );
  await arrange(bridge, 'session.signOut');
  await arrange(bridge, 'session.signIn', {
    username: SETUP.manager.username,
    password: SETUP.manager.password,
  });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await nav(page, 'Händelselogg');
  const verify = page.getByRole('button', { name: 'Verifiera händelseloggen' });
  await expect(verify).toBeVisible();
  const [{ n }] = (await bridge.state.db().query('SELECT count(*) AS n FROM audit_log')) as [
    { n: number },
  ];

  await verify.click();
  const answer = page.getByRole('status').filter({ hasText: 'Händelseloggen' });
  await expect(answer).toHaveText(`Händelseloggen är hel: ${n} händelser i 1 kedja kontrollerade.`);
  // The check is itself in the log, in Swedish.
  await expect(page.getByRole('table')).toContainText('Händelseloggen verifierad');
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue11-audit-verify-whole');

  // Someone with the passphrase and a database tool changes what the edit said.
  const [edit] = (await bridge.state
    .db()
    .query(`SELECT id, at FROM audit_log WHERE action = 'decisions.update'`)) as [
    { id: number; at: string },
  ];
  await bridge.state.db().query(
    `UPDATE audit_log SET after_json = replace(after_json, 'Hyra december', 'Hyra januari')
        WHERE id = ?`,
    [edit.id],
  );
  await verify.click();
  const broken = page.getByRole('status').filter({ hasText: 'Händelseloggen' });
  await expect(broken).toContainText('Händelseloggen är inte hel: 1 fel bland');
  await expect(broken.getByRole('listitem')).toHaveText([
    /^Händelsen 2026-11-23 kl\. \d\d:\d\d, Kalle Handläggare, Beslut ändrat, har ändrats efter att den skrevs\.$/,
  ]);
  await expectNoSeriousA11yViolations(page);
  await screen(page, 'issue11-audit-verify-edited');

  // And then removes an entry in the middle: both are named.
  const [removed] = (await bridge.state
    .db()
    .query(`SELECT id FROM audit_log WHERE action = 'decisions.create'`)) as [{ id: number }];
  await bridge.state.db().query('DELETE FROM audit_log WHERE id = ?', [removed.id]);
  await verify.click();
  const items = page
    .getByRole('status')
    .filter({ hasText: 'Händelseloggen' })
    .getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toHaveText(/^En händelse saknas mellan .+ och .+\.$/);
  await expect(items.nth(1)).toContainText('Beslut ändrat, har ändrats efter att den skrevs.');
  await screen(page, 'issue11-audit-verify-missing');
});

test('the Verifiera button is not there for a handläggare', async ({ page, bridge }) => {
  await arrangeCaseWorkerInOutage(bridge);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(bridge.url);
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Huvudmeny' })
      .getByRole('button', { name: 'Händelselogg' }),
  ).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Verifiera händelseloggen' })).toHaveCount(0);
});
