// Timers the test fires by hand, so backoff and idle timers are observed without waiting and
// without faking the clock Dexie and fake-indexeddb rely on.
import type { RunnerTimers } from '#src/client/sync/sync-runner.ts';

export class ManualTimers implements RunnerTimers {
  private nextId = 1;
  private readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { callback, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers now waiting. */
  get delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.ms);
  }

  /** Fires every waiting timer once (timers they set stay pending). */
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}
