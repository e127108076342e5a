import type { ComponentType } from 'react';
import type { ScreenProps } from '#src/client/components/screen-props.ts';
import { preloadable, type Preloadable } from '#src/client/components/preloadable.ts';

export type Screen = ComponentType<ScreenProps>;

/** A screen loaded on demand (see `preloadable`). */
export function lazyScreen<Name extends string>(load: () => Promise<Record<Name, ComponentType<ScreenProps>>>, name: Name): Preloadable<ScreenProps> {
  return preloadable(load, name);
}
