const dateTime = new Intl.DateTimeFormat('sv-SE', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2026-11-22 10:45" in the PC's local time. */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}
