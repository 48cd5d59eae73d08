/**
 * Error classes do not survive IPC (structured clone drops the prototype), so every
 * call answers with a plain result object instead of throwing.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_SETUP'
  | 'ALREADY_SETUP'
  | 'LOCKED'
  | 'WRONG_PASSPHRASE'
  | 'NEWER_SCHEMA'
  | 'CORRUPT'
  | 'NOT_SIGNED_IN'
  | 'SESSION_LOCKED'
  | 'SIGN_IN_FAILED'
  | 'WRONG_PASSWORD'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'OVER_LIMIT'
  /** A record dated outside its outage: saved once the person confirms. */
  | 'OUTSIDE_PERIOD'
  | 'TOO_LARGE'
  | 'THROTTLED'
  /** A setup or transfer file of another unit. */
  | 'WRONG_UNIT'
  /** A setup or transfer file written by a newer Reservpärm. */
  | 'UNSUPPORTED_FORMAT'
  /** A setup or transfer file that is cut short, altered or otherwise unreadable. */
  | 'DAMAGED_FILE'
  /** Not the kind of file asked for: unencrypted, a setup file for a transfer file, … */
  | 'WRONG_FILE'
  /** The change was saved; something after the commit failed. */
  | 'SAVED_WITH_ERROR'
  /** The system's print or save dialog failed. */
  | 'DESKTOP_FAILED'
  /** A file could not be written where the person chose. */
  | 'WRITE_FAILED'
  /** The backup folder is missing, not writable or on a stick that was pulled. */
  | 'BACKUP_FOLDER_UNREACHABLE'
  /** A backup could not be written or did not pass its check; nothing was left behind. */
  | 'BACKUP_FAILED'
  | 'UNKNOWN_CHANNEL'
  | 'INTERNAL';

export interface AppErrorData {
  code: ErrorCode;
  /** Swedish, shown to the user. */
  message: string;
  /** Field-level messages, keyed by the input field path (e.g. "manager.password"). */
  fields?: Record<string, string>;
  /** After repeated failed attempts: seconds before the next one is taken (a countdown). */
  retryAfterSeconds?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

/** Thrown by services; the router turns it into a failed Result. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static field(code: ErrorCode, field: string, message: string): AppError {
    return new AppError(code, message, { [field]: message });
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields && { fields: this.fields }),
      ...(this.retryAfterSeconds !== undefined && { retryAfterSeconds: this.retryAfterSeconds }),
    };
  }
}
