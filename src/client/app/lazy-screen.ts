import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ScreenProps } from '#src/client/components/screen-props.ts';

export type Screen = ComponentType<ScreenProps> | LazyExoticComponent<ComponentType<ScreenProps>>;

/**
 * A screen loaded on demand (its own JavaScript file, fetched the first time it is shown and
 * precached by the service worker, so it opens offline too) from a module's named export.
 */
export function lazyScreen<Name extends string>(
  load: () => Promise<Record<Name, ComponentType<ScreenProps>>>,
  name: Name,
): LazyExoticComponent<ComponentType<ScreenProps>> {
  return lazy(async () => ({ default: (await load())[name] }));
}
