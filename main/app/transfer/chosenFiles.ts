import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/result';

export type ChosenFileKind = 'setup' | 'transfer';

/**
 * Files the person chose in the system's open dialog, by token: the renderer never
 * holds a path, only the token of a file main has already looked at. One of each kind
 * at a time; a token is for the person who chose the file (null: before anyone signs in).
 */
export class ChosenFiles {
  private readonly files = new Map<
    string,
    { path: string; kind: ChosenFileKind; userId: string | null }
  >();

  choose(kind: ChosenFileKind, path: string, userId: string | null): string {
    for (const [token, file] of this.files) if (file.kind === kind) this.files.delete(token);
    const token = randomUUID();
    this.files.set(token, { path, kind, userId });
    return token;
  }

  path(token: string, kind: ChosenFileKind, userId: string | null): string {
    const file = this.files.get(token);
    if (!file || file.kind !== kind || file.userId !== userId) {
      throw new AppError('NOT_FOUND', 'Välj filen igen.');
    }
    return file.path;
  }

  forget(token: string): void {
    this.files.delete(token);
  }

  /** On sign-out: a chosen file is the chooser's. (A fresh laptop's file has no person.) */
  clear(): void {
    for (const [token, file] of this.files) if (file.userId !== null) this.files.delete(token);
  }
}
