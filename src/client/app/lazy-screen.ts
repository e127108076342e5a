import { createElement, lazy, useState, type ComponentType } from 'react';
import type { ScreenProps } from '#src/client/components/screen-props.ts';

/** A component loaded on demand that can be asked to load ahead (`preload`). */
export type Preloadable<Props extends object> = ComponentType<Props> & { preload(): Promise<unknown> };

export type Screen = ComponentType<ScreenProps>;

/**
 * A component loaded on demand (its own JavaScript file, fetched the first time it is needed and
 * precached by the service worker, so it opens offline too) from a module's named export.
 *
 * `preload()` fetches and runs the file ahead (while a person types their PIN, say). A
 * component loaded by then renders at once, without suspending: no "Đang tải…" in between and
 * no wait for React to reveal a suspended screen. Each mounted instance keeps the way it started
 * (at once, or through React.lazy), so loading meanwhile never remounts it.
 */
export function preloadable<Name extends string, Props extends object>(
  load: () => Promise<Record<Name, ComponentType<Props>>>,
  name: Name,
): Preloadable<Props> {
  let loaded: ComponentType<Props> | undefined;
  let loading: Promise<ComponentType<Props>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (module) => (loaded = module[name]),
      (error: unknown) => {
        // A failed fetch (offline before the file was cached) may be tried again.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function OnDemand(props: Props) {
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Lazy, props);
  }
  return Object.assign(OnDemand, { preload });
}

/** A screen loaded on demand (see `preloadable`). */
export function lazyScreen<Name extends string>(load: () => Promise<Record<Name, ComponentType<ScreenProps>>>, name: Name): Preloadable<ScreenProps> {
  return preloadable(load, name);
}
