import { existsSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import type { SessionUser } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { AuditEvent } from './audit/auditLog';
import { recordThisDevice } from './backup/backupSettings';
import { closeUnitDatabase, connectionOf } from './db/open';
import { noDesktop, type DesktopPorts } from './desktop';
import { HeldDocuments } from './documents/heldDocuments';
import { ProgressBoard } from './progress';
import { ChosenFiles } from './transfer/chosenFiles';
import { inProcessPdfBuilder, type PdfBuilder } from './print/jobs/builder';
import { Session } from './session/session';
import { Throttle } from './session/throttle';

export interface AppOptions {
  /** The unit database file. */
  dbPath: string;
  /** Injected so tests can move time (auto-lock, dates). */
  clock?: () => Date;
  /** Where PDFs are built; the app passes a worker thread, tests build in process. */
  pdfBuilder?: PdfBuilder;
  /** The save and print dialogs; absent where there is no desktop (most tests). */
  desktop?: DesktopPorts;
}

/**
 * Everything the main process holds for one running app: the open database (once
 * unlocked) and the session. Nothing here imports Electron, so tests and the e2e
 * bridge create one directly.
 */
export class AppState {
  readonly dbPath: string;
  readonly session = new Session();
  /** Failed sign-ins per username (and wrong current passwords), in memory. */
  readonly signInThrottle = new Throttle();
  /** Failed unlocks of this file: before the database is open, only memory can hold them. */
  readonly unlockThrottle = new Throttle();
  /** Failed unlocks waiting to be written to the audit log once the database opens. */
  readonly pendingUnlockAudit: AuditEvent[] = [];
  /** PDFs built for preview, to print or save; dropped on sign-out and lock. */
  readonly documents = new HeldDocuments();
  /** Setup and transfer files chosen in the open dialog, by token. */
  readonly chosenFiles = new ChosenFiles();
  /** How far the long task being run has come. */
  readonly progress = new ProgressBoard();
  readonly pdf: PdfBuilder;
  readonly desktop: DesktopPorts;
  private readonly clock: () => Date;
  private dataSource: DataSource | null = null;
  /**
   * The unit passphrase while the database is open: a backup is checked by opening it
   * with the key, as a restore would. SQLite holds the key in this process's memory
   * anyway while the file is open; it is dropped with the connection.
   */
  private passphrase: string | null = null;
  /** Told of every sign-out, the inactivity lock included: the backup schedule's hook. */
  private readonly signedOutListeners = new Set<() => void>();

  constructor(options: AppOptions) {
    this.dbPath = options.dbPath;
    this.clock = options.clock ?? (() => new Date());
    this.pdf = options.pdfBuilder ?? inProcessPdfBuilder;
    this.desktop = options.desktop ?? noDesktop;
    this.session.onSignedOut = () => {
      this.documents.clear();
      this.chosenFiles.clear();
      this.signedOutListeners.forEach((listener) => listener());
    };
  }

  /** Calls `listener` after each sign-out; returns how to stop. */
  onSignedOut(listener: () => void): () => void {
    this.signedOutListeners.add(listener);
    return () => this.signedOutListeners.delete(listener);
  }

  now(): Date {
    return this.clock();
  }

  get isOpen(): boolean {
    return this.dataSource !== null;
  }

  get isSetUp(): boolean {
    return this.isOpen || existsSync(this.dbPath);
  }

  attach(dataSource: DataSource, passphrase: string): void {
    this.dataSource = dataSource;
    this.passphrase = passphrase;
    try {
      recordThisDevice(this.dbPath, connectionOf(dataSource));
    } catch {
      // A folder that cannot be written to says so at the first backup; the unlock goes on.
    }
  }

  /** After a rekey: the passphrase the open file now answers to. */
  passphraseChanged(passphrase: string): void {
    if (this.dataSource) this.passphrase = passphrase;
  }

  unitPassphrase(): string {
    if (!this.passphrase) {
      throw new AppError('LOCKED', 'Databasen är låst. Lås upp den med enhetens lösenfras.');
    }
    return this.passphrase;
  }

  db(): DataSource {
    if (!this.dataSource) {
      throw new AppError('LOCKED', 'Databasen är låst. Lås upp den med enhetens lösenfras.');
    }
    return this.dataSource;
  }

  /**
   * Set when SQLite met a damaged page in this session (a call, a backup): the close then
   * does not vouch for the file, and the next open checks it in full.
   */
  private integrityDoubted = false;

  doubtIntegrity(): void {
    this.integrityDoubted = true;
  }

  async close(): Promise<void> {
    // Taken first, before anything awaits: a second close (the quit's fallback) finds
    // nothing left to close instead of closing the same connection twice.
    const dataSource = this.dataSource;
    this.dataSource = null;
    this.passphrase = null;
    this.session.signOut();
    await this.pdf.close();
    if (dataSource?.isInitialized) {
      await closeUnitDatabase(dataSource, { vouch: !this.integrityDoubted });
    }
  }
}

/** The person behind a call, as handlers receive it. */
export interface HandlerContext {
  state: AppState;
  actor: SessionUser | null;
  now: Date;
}

export function requireActor(context: HandlerContext): SessionUser {
  if (!context.actor) throw new AppError('NOT_SIGNED_IN', 'Du är inte inloggad.');
  return context.actor;
}
