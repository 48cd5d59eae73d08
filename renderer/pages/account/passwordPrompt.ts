import { MIN_PASSWORD_LENGTH } from '../../../shared/fields';

/**
 * Accounts from before the 8-character rule still sign in; the person is then taken
 * straight to "Byt lösenord" once, with a word on why. Only the renderer knows what was
 * typed at sign-in, and it keeps nothing but this flag.
 */
let prompt = false;

export function notePasswordLength(password: string): void {
  prompt = password.length < MIN_PASSWORD_LENGTH;
}

/** Read once by the shell as it opens. */
export function takePasswordPrompt(): boolean {
  const value = prompt;
  prompt = false;
  return value;
}
