import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/result';
import type { AuditEvent } from '../audit/auditLog';
import type { ReferenceBatch } from '../references/referenceService';

/** A PDF built for one person, kept in main's memory to print or save once previewed. */
export interface HeldDocument {
  fileName: string;
  bytes: Uint8Array;
  /**
   * What the print or save is audited as (one entry, made when it happens): the print
   * channel's action and what was printed, never whom.
   */
  audit: Pick<AuditEvent, 'action' | 'entity' | 'entityId' | 'after'>;
  /** The pre-printed references of a blank template, recorded when it is printed or saved. */
  references?: ReferenceBatch;
}

interface Held extends HeldDocument {
  userId: string;
  /** Printed or saved once: a template's references must not reach paper twice. */
  handedOut: boolean;
}

/** How many documents are kept: the one previewed, and one being prepared behind it. */
const KEPT = 2;

/**
 * The documents built most recently, by id. Only in memory, never on disk: a register
 * names the unit's clients, and the person decides where (if anywhere) it is saved. Each
 * is held for the person it was built for; signing out or locking drops them all.
 */
export class HeldDocuments {
  private readonly documents = new Map<string, Held>();

  hold(userId: string, document: HeldDocument): string {
    const id = randomUUID();
    this.documents.set(id, { ...document, userId, handedOut: false });
    while (this.documents.size > KEPT) {
      this.documents.delete(this.documents.keys().next().value!);
    }
    return id;
  }

  /** The document, if it is still held and was built for this person. */
  get(id: string, userId: string): Held {
    const held = this.documents.get(id);
    if (!held || held.userId !== userId) {
      throw new AppError(
        'NOT_FOUND',
        'Dokumentet finns inte längre. Skapa det igen under Utskrifter.',
      );
    }
    if (held.references && held.handedOut) {
      throw new AppError(
        'CONFLICT',
        'Blanketterna är redan utskrivna eller sparade, och varje referens får bara finnas på ' +
          'ett papper. Skapa nya blanketter om du behöver fler.',
      );
    }
    return held;
  }

  handedOut(id: string): void {
    const held = this.documents.get(id);
    if (held) held.handedOut = true;
  }

  /**
   * The highest serial on a template prepared but not yet printed or saved: the next
   * template continues after it, so two previews never carry the same reference.
   */
  reservedUpTo(): number {
    let highest = 0;
    for (const held of this.documents.values()) {
      if (held.handedOut || !held.references) continue;
      for (const { serial } of held.references.references) highest = Math.max(highest, serial);
    }
    return highest;
  }

  clear(): void {
    this.documents.clear();
  }
}
