import { describe, expect, it } from 'vitest';
import { keyDown } from '../support/keyInput';
import { DEVTOOLS_SWITCH, devToolsAllowed, isDevToolsShortcut } from '../../main/app/devTools';

describe('DevTools in packaged and development builds', () => {
  it('are off in a packaged build unless the documented switch is set to 1', () => {
    expect(devToolsAllowed({ isPackaged: true, env: {} })).toBe(false);
    expect(devToolsAllowed({ isPackaged: true, env: { [DEVTOOLS_SWITCH]: '1' } })).toBe(true);
    // Only the documented value opens them: "0", "false" or an empty value keep them shut.
    for (const value of ['0', 'false', '', 'yes'])
      expect(devToolsAllowed({ isPackaged: true, env: { [DEVTOOLS_SWITCH]: value } })).toBe(false);
    // The development opt-out does not open them in a packaged build.
    expect(devToolsAllowed({ isPackaged: true, env: { RESERVPARM_NO_DEVTOOLS: '' } })).toBe(false);
  });

  it('are on in development unless RESERVPARM_NO_DEVTOOLS is set', () => {
    expect(devToolsAllowed({ isPackaged: false, env: {} })).toBe(true);
    expect(devToolsAllowed({ isPackaged: false, env: { RESERVPARM_NO_DEVTOOLS: '1' } })).toBe(
      false,
    );
  });

  it('the README documents the switch', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(`${DEVTOOLS_SWITCH}=1`);
  });

  const key = keyDown;

  it('recognises the DevTools shortcuts and nothing the app uses', () => {
    expect(isDevToolsShortcut(key('F12'))).toBe(true);
    for (const letter of ['I', 'J', 'C', 'i']) {
      expect(isDevToolsShortcut(key(letter, { control: true, shift: true }))).toBe(true);
      expect(isDevToolsShortcut(key(letter, { meta: true, alt: true }))).toBe(true);
    }
    // Copy, print, search and typing stay the page's.
    expect(isDevToolsShortcut(key('c', { control: true }))).toBe(false);
    expect(isDevToolsShortcut(key('p', { control: true }))).toBe(false);
    expect(isDevToolsShortcut(key('I', { shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key('F5'))).toBe(false);
    expect(isDevToolsShortcut({ ...key('F12'), type: 'keyUp' })).toBe(false);
  });
});
