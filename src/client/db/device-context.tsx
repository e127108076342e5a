/**
 * How React reaches the phone's own database (device-database.ts): accounts and preferences. One
 * DeviceDatabase per app, given by DeviceProvider; tests give a fresh one on fake-indexeddb.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { DeviceDatabase } from './device-database.ts';

const DeviceContext = createContext<DeviceDatabase | null>(null);

export function DeviceProvider({ device, children }: { device: DeviceDatabase; children: ReactNode }) {
  return <DeviceContext.Provider value={device}>{children}</DeviceContext.Provider>;
}

export function useDevice(): DeviceDatabase {
  const device = useContext(DeviceContext);
  if (!device) throw new Error('useDevice needs a DeviceProvider above it');
  return device;
}

/** A live query of the device database; undefined until the first result. */
export function useDeviceQuery<T>(read: (device: DeviceDatabase) => Promise<T>, deps: readonly unknown[]): T | undefined {
  const device = useDevice();
  return useLiveQuery(() => read(device), [device, ...deps]);
}
