/**
 * Whether a window may open Chromium's DevTools. A packaged build runs on laptops with
 * personal data decrypted in memory: DevTools would let anyone at the keyboard read it
 * and call the API past the screens, so they are off there unless IT sets the switch
 * for a support session (README, "DevTools"). Development builds keep them, unless
 * `RESERVPARM_NO_DEVTOOLS` turns them off to try the packaged behaviour.
 */
export const DEVTOOLS_SWITCH = 'RESERVPARM_DEVTOOLS';

export function devToolsAllowed(options: {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
}): boolean {
  const { isPackaged, env } = options;
  if (!isPackaged) return !env.RESERVPARM_NO_DEVTOOLS;
  return env[DEVTOOLS_SWITCH] === '1';
}

/** A key press as Electron's `before-input-event` reports it (only what is read here). */
export interface KeyInput {
  type: string;
  key: string;
  control: boolean;
  meta: boolean;
  shift: boolean;
  alt: boolean;
}

/**
 * Chromium's own DevTools shortcuts: F12, Ctrl+Shift+I/J/C (Cmd+Alt+I/J/C on macOS).
 * Swallowed where DevTools are off, so the keys do nothing rather than half-open a panel.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  if (input.key === 'F12') return true;
  const letter = input.key.toLowerCase();
  if (!['i', 'j', 'c'].includes(letter)) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}
