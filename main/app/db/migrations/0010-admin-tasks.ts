import type { MigrationInterface, QueryRunner } from 'typeorm';
import { stickKey } from '../../../../shared/usbReceipts';
import { migrationName } from './name';

/**
 * The small admin tasks (issue 10):
 * - a cash custodian can be removed from Bilaga 1 and kept in its history (who, when);
 * - a reconciliation keeps the card account's balance (integer öre; NULL for the older
 *   ones, whose balance was never recorded);
 * - USB stick numbers are compared by one key ("USB10" = "USB 10" = "usb-10", see
 *   shared/usbReceipts.ts `stickKey`), written by the app in `stick_key`, and a stick is out
 *   once at a time by that key; a receipt may name the unit's user it was lent to.
 *
 * Existing receipts get their key. Two sticks out at once whose numbers were different
 * text but are the same key ("USB10" and "usb 10") were allowed before: both stay out as
 * they are (nothing is invented about a return), the later ones marked `duplicate_out`,
 * which keeps them out of the unique index. The issue check looks at every receipt out,
 * so the stick cannot be lent again until all of them are back.
 */
export class AdminTasks implements MigrationInterface {
  name = migrationName(10, 'AdminTasks');

  async up(queryRunner: QueryRunner): Promise<void> {
    const query = (sql: string, parameters?: unknown[]) => queryRunner.query(sql, parameters);
    await query('ALTER TABLE custodians ADD COLUMN removed_at TEXT');
    await query('ALTER TABLE custodians ADD COLUMN removed_by_id TEXT REFERENCES users(id)');
    await query('ALTER TABLE custodians ADD COLUMN removed_by_name TEXT');
    await query(
      'ALTER TABLE reconciliations ADD COLUMN balance_ore INTEGER CHECK (balance_ore >= 0)',
    );
    await query(`ALTER TABLE usb_receipts ADD COLUMN stick_key TEXT NOT NULL DEFAULT ''`);
    await query('ALTER TABLE usb_receipts ADD COLUMN receiver_user_id TEXT REFERENCES users(id)');
    await query(
      `ALTER TABLE usb_receipts ADD COLUMN duplicate_out INTEGER NOT NULL DEFAULT 0
         CHECK (duplicate_out IN (0, 1))`,
    );
    const receipts = (await query(
      `SELECT id, stick_number AS stickNumber, returned_on AS returnedOn FROM usb_receipts
        ORDER BY issued_on, created_at, id`,
    )) as { id: string; stickNumber: string; returnedOn: string | null }[];
    const out = new Set<string>();
    for (const receipt of receipts) {
      const key = stickKey(receipt.stickNumber);
      const duplicate = receipt.returnedOn === null && out.has(key);
      if (receipt.returnedOn === null) out.add(key);
      await query('UPDATE usb_receipts SET stick_key = ?, duplicate_out = ? WHERE id = ?', [
        key,
        duplicate ? 1 : 0,
        receipt.id,
      ]);
    }
    await query('DROP INDEX usb_receipts_out');
    await query(
      `CREATE UNIQUE INDEX usb_receipts_out ON usb_receipts (stick_key)
        WHERE returned_on IS NULL AND duplicate_out = 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX usb_receipts_out');
    await queryRunner.query(
      `CREATE UNIQUE INDEX usb_receipts_out ON usb_receipts (stick_number COLLATE NOCASE)
       WHERE returned_on IS NULL`,
    );
    for (const column of ['duplicate_out', 'receiver_user_id', 'stick_key']) {
      await queryRunner.query(`ALTER TABLE usb_receipts DROP COLUMN ${column}`);
    }
    await queryRunner.query('ALTER TABLE reconciliations DROP COLUMN balance_ore');
    for (const column of ['removed_by_name', 'removed_by_id', 'removed_at']) {
      await queryRunner.query(`ALTER TABLE custodians DROP COLUMN ${column}`);
    }
  }
}
