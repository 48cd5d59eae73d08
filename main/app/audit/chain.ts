import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { SqliteConnection } from '../db/sqlite';

/**
 * The audit log's hash chain (issue 11).
 *
 * Each installation (the office PC, each laptop) writes its own chain: the entries it wrote,
 * in the order it wrote them, numbered 1, 2, 3 … (`chain_seq`) per device (`device_id`, the
 * chain's id). Each entry keeps the hash of the one before it (`prev_hash`; the first keeps
 * GENESIS) and its own `hash` = SHA-256 over a canonical serialization of its content
 * (entryContent) and the previous hash. The last entry's number and hash are also kept in
 * `audit_chain_heads`, updated in the same transaction as the entry, so that removing the
 * last entries shows too. A laptop's entries read in at the office keep the laptop's chain
 * as the laptop wrote it, and are verified as a chain of their own.
 *
 * What it proves: an entry edited, removed, added or moved with a database tool after it was
 * written shows as such, at the entry. What it cannot prove: there is no secret in it, so
 * someone with the passphrase and this code (or any SHA-256 tool and this file) can rewrite
 * the chain from the changed entry on, head included, and it verifies again; removing the
 * last entries and setting the head back shows nothing either. It makes tampering take
 * deliberate work and leaves the honest log checkable; it is not a signature. The entry's
 * `id` and `origin_id` are not in the hash (an entry's place is its number in its chain).
 */
export const GENESIS = '0'.repeat(64);

/** An entry's own content as the database stores it: what the hash covers. */
export interface ChainContent {
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  /** The chain it belongs to: moving an entry to another chain changes its hash. */
  device_id: string | null;
}

/** The fields in a fixed order, as JSON: one string for one content, whatever the source. */
export function entryContent(content: ChainContent): string {
  return JSON.stringify([
    'reservparm-audit-1',
    content.device_id,
    content.at,
    content.actor_id,
    content.actor_name,
    content.action,
    content.entity,
    content.entity_id,
    content.before_json,
    content.after_json,
  ]);
}

export function entryHash(content: ChainContent, prevHash: string): string {
  return createHash('sha256')
    .update(entryContent(content))
    .update('\n')
    .update(prevHash)
    .digest('hex');
}

/** The chain id of entries written where no device exists yet (before a unit is set up). */
export const chainIdOf = (deviceId: string | null): string => deviceId ?? '';

type Statement = Database.Statement<unknown[]>;
interface Statements {
  thisDevice: Statement;
  head: Statement;
  insert: Statement;
  setHead: Statement;
}
const prepared = new WeakMap<SqliteConnection, Statements>();

function statementsOf(db: SqliteConnection): Statements {
  let statements = prepared.get(db);
  if (!statements) {
    statements = {
      thisDevice: db.prepare('SELECT id FROM devices WHERE is_this = 1'),
      head: db.prepare('SELECT seq, hash FROM audit_chain_heads WHERE chain_id = ?'),
      insert: db.prepare(
        `INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, before_json,
           after_json, device_id, chain_seq, prev_hash, hash)
         VALUES (@at, @actor_id, @actor_name, @action, @entity, @entity_id, @before_json,
           @after_json, @device_id, @chain_seq, @prev_hash, @hash)`,
      ),
      setHead: db.prepare(
        `INSERT INTO audit_chain_heads (chain_id, seq, hash) VALUES (?, ?, ?)
         ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`,
      ),
    };
    prepared.set(db, statements);
  }
  return statements;
}

/**
 * Appends one entry to this installation's chain. The head is read and written in one
 * synchronous step on the connection, inside the caller's transaction (the change the entry
 * records), so no other writer on this connection can come between the read and the write;
 * another process writing the file waits for SQLite's write lock, and the transaction fails
 * rather than forking the chain. Outside a transaction it makes one of its own.
 */
export function appendChained(db: SqliteConnection, entry: Omit<ChainContent, 'device_id'>): void {
  const write = () => {
    const statements = statementsOf(db);
    const device = (statements.thisDevice.get() as { id: string } | undefined)?.id ?? null;
    const chain = chainIdOf(device);
    const head = statements.head.get(chain) as { seq: number; hash: string } | undefined;
    const content: ChainContent = { ...entry, device_id: device };
    const seq = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS;
    const hash = entryHash(content, prevHash);
    statements.insert.run({ ...content, chain_seq: seq, prev_hash: prevHash, hash });
    statements.setHead.run(chain, seq, hash);
  };
  if (db.inTransaction) write();
  else db.transaction(write)();
}

/**
 * Raises a chain's head to `seq` (an import of a laptop's entries): never lowers it, so a
 * file with fewer entries than an earlier one does not hide a removal.
 */
export function raiseHead(db: SqliteConnection, chain: string, seq: number, hash: string): void {
  db.prepare(
    `INSERT INTO audit_chain_heads (chain_id, seq, hash) VALUES (?, ?, ?)
     ON CONFLICT (chain_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
       WHERE excluded.seq > audit_chain_heads.seq`,
  ).run(chain, seq, hash);
}
