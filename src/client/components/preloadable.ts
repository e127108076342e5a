/**
 * Components whose code loads on demand (React.lazy) and can be asked to load ahead: screens,
 * the login and PIN screens, forms shown only after an answer.
 */
import { createElement, lazy, useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';

/** A component loaded on demand that can be asked to load ahead (`preload`). */
export type Preloadable<Props extends object> = ComponentType<Props> & {
  preload(): Promise<unknown>;
  /** True once its code is loaded: it then renders without suspending. */
  isLoaded(): boolean;
  /** Calls `listener` once its code is loaded (for useSyncExternalStore); returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
};

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
  const listeners = new Set<() => void>();
  const preload = () => {
    loading ??= load().then(
      (module) => {
        loaded = module[name];
        for (const listener of listeners) listener();
        return loaded;
      },
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
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return Object.assign(OnDemand, { preload, isLoaded: () => loaded !== undefined, subscribe });
}

/**
 * Loads `component` when `isWanted` and tells whether it may be shown: loaded, or its load
 * failed (shown anyway, it then loads through React.lazy and its error boundary). A caller
 * keeps its own plain placeholder meanwhile, instead of a suspended screen that React reveals
 * only after its fallback has been up a while.
 */
export function useLoaded(component: Pick<Preloadable<object>, 'preload' | 'isLoaded' | 'subscribe'>, isWanted: boolean): boolean {
  // An external store: a load that ends between a render and its effects is not missed.
  const isLoaded = useSyncExternalStore(component.subscribe, component.isLoaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!isWanted || component.isLoaded()) return;
    let isCurrent = true;
    component.preload().catch(() => isCurrent && setFailed(true));
    return () => {
      isCurrent = false;
    };
  }, [component, isWanted]);
  return isLoaded || failed;
}
