/**
 * The app's PIN screen and login take over what the person did on the first screen index.html
 * showed while the app loaded (src/client/app/first-screen.ts): what was typed, where the focus
 * was, a button pressed. Loaded with those screens, not with the app shell.
 */
import { useEffectEvent, useLayoutEffect } from 'react';
import { FIRST_SCREEN_ID, releaseFirstScreen } from './first-screen-handoff.ts';

export interface FirstScreenInput {
  /** The text fields' values and the checkboxes', by the field's name. */
  values: Record<string, string>;
  checked: Record<string, boolean>;
  /** The name of the field that has the focus, if one of the screen's has it. */
  focused: string | undefined;
  /** The button pressed before the app took over: `submit`, or the button's `data-action`. */
  action: string | undefined;
}

/**
 * What the person did on the first screen, which is then released; undefined when none stood
 * or it showed another screen than `form` (the name of its form's first field: `pin`, `username`).
 */
export function takeFirstScreen(form: string, doc: Document = document): FirstScreenInput | undefined {
  const screen = doc.getElementById(FIRST_SCREEN_ID);
  const fields = screen?.querySelector('form')?.elements;
  // Read before it goes: removing the screen takes the focus from its field.
  const input = screen && fields?.namedItem(form) ? readScreen(screen, fields, doc) : undefined;
  releaseFirstScreen(doc);
  return input;
}

function readScreen(screen: HTMLElement, fields: HTMLFormControlsCollection, doc: Document): FirstScreenInput {
  const input: FirstScreenInput = { values: {}, checked: {}, focused: undefined, action: screen.dataset.action };
  for (const field of fields) {
    if (!(field instanceof HTMLInputElement) || !field.name) continue;
    if (field.type === 'checkbox') input.checked[field.name] = field.checked;
    else input.values[field.name] = field.value;
    if (field === doc.activeElement) input.focused = field.name;
  }
  return input;
}

/**
 * Takes over the first screen as the screen calling it mounts, if one stood and showed this
 * screen's `form` (the name of its form's first field); releases it in any case.
 */
export function useFirstScreen(form: string, take: (input: FirstScreenInput) => void): void {
  const onTaken = useEffectEvent(take);
  useLayoutEffect(() => {
    const input = takeFirstScreen(form);
    if (input) onTaken(input);
  }, [form]);
}

