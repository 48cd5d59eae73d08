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

/** "3 h 30 min", "2 d 4 h": how long an outage has lasted. */
export function formatDuration(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${rest} min`;
  return `${rest} min`;
}

/** A datetime-local input value ("2026-11-22T10:00", the PC's time) as an ISO instant. */
export function localInputToIso(value: string): string | undefined {
  return value ? new Date(value).toISOString() : undefined;
}

/** An ISO instant as a datetime-local input value in the PC's time. */
export function isoToLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today in the PC's time, "2026-11-22". */
export function today(): string {
  return new Date().toLocaleDateString('sv-SE');
}
