/**
 * TypeORM orders migrations by the number in the last 13 characters of their name,
 * so a migration's sequence number is written there: "InitialSchema0000000000001".
 */
export function migrationName(sequence: number, title: string): string {
  return `${title}${String(sequence).padStart(13, '0')}`;
}
