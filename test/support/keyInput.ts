import type { KeyInput } from '../../main/app/devTools';

/** A key press as Electron's `before-input-event` reports it: no modifier unless named. */
export function keyDown(
  key: string,
  modifiers: Partial<Pick<KeyInput, 'control' | 'meta' | 'shift' | 'alt'>> = {},
): KeyInput {
  return {
    type: 'keyDown',
    key,
    control: false,
    meta: false,
    shift: false,
    alt: false,
    ...modifiers,
  };
}
