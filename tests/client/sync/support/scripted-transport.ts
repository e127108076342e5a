// A transport in front of the memory server that the test steers: fail with a given error,
// hold requests until released, and count how many run at once.
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '#src/shared/sync/protocol.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';
import { MemoryServer } from './memory-server.ts';

export class ScriptedTransport implements SyncTransport {
  readonly server = new MemoryServer();
  /** Thrown by every call while set. */
  failure: Error | null = null;
  calls = 0;
  active = 0;
  maxActive = 0;
  private held: (() => void)[] = [];
  private isHolding = false;

  /** Calls from now on wait until `release()`. */
  hold(): void {
    this.isHolding = true;
  }

  release(): void {
    this.isHolding = false;
    for (const resume of this.held.splice(0)) resume();
  }

  get waiting(): number {
    return this.held.length;
  }

  push(request: PushRequest): Promise<PushResponse> {
    return this.call(() => this.server.push(request));
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.call(() => this.server.pull(request));
  }

  private async call<T>(deliver: () => Promise<T>): Promise<T> {
    this.calls += 1;
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (this.isHolding) await new Promise<void>((resume) => this.held.push(resume));
      if (this.failure) throw this.failure;
      return await deliver();
    } finally {
      this.active -= 1;
    }
  }
}
