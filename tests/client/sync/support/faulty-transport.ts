// A transport that misbehaves like a rural mobile network: it loses requests, loses answers
// after the server acted, delivers a request twice, or holds a request back so that it reaches
// the server after a later one (the device gave up on it with a timeout). The faults come from
// a script, so fast-check can shrink a failing schedule.
import type { PullRequest, PullResponse, PushRequest, PushResponse } from '#src/shared/sync/protocol.ts';
import { SyncError } from '#src/client/sync/http-transport.ts';
import type { SyncTransport } from '#src/client/sync/transport.ts';

export const faults = ['none', 'drop-request', 'drop-response', 'duplicate', 'delay'] as const;
export type Fault = (typeof faults)[number];

export class FaultyTransport implements SyncTransport {
  private next = 0;
  private readonly delayed: (() => Promise<unknown>)[] = [];

  constructor(
    private readonly inner: SyncTransport,
    private readonly script: readonly Fault[],
  ) {}

  push(request: PushRequest): Promise<PushResponse> {
    return this.send(() => this.inner.push(request));
  }

  pull(request: PullRequest): Promise<PullResponse> {
    return this.send(() => this.inner.pull(request));
  }

  /** Lets every held-back request reach the server now (late, after everything sent since). */
  async deliverDelayed(): Promise<void> {
    for (const deliver of this.delayed.splice(0)) await deliver().catch(() => undefined);
  }

  private async send<T>(deliver: () => Promise<T>): Promise<T> {
    const fault = this.script[this.next++ % this.script.length] ?? 'none';
    switch (fault) {
      case 'drop-request':
        throw new SyncError('network', null);
      case 'drop-response':
        await deliver();
        throw new SyncError('timeout', null);
      case 'delay':
        this.delayed.push(deliver);
        throw new SyncError('timeout', null);
      case 'duplicate': {
        await deliver();
        const answer = await deliver();
        await this.deliverDelayed();
        return answer;
      }
      case 'none': {
        const answer = await deliver();
        await this.deliverDelayed();
        return answer;
      }
    }
  }
}
