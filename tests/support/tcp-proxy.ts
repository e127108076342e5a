/**
 * A TCP proxy (node:net) between devices and the server that misbehaves like a rural mobile
 * network, at random but from a seed, so a failing run can be replayed.
 *
 * HTTP/1.1 without pipelining alternates on a connection: a request, then its answer. The proxy
 * follows that alternation and draws a fate for every exchange (request + answer), also on a
 * kept-alive connection:
 * - `pass`: bytes go through untouched;
 * - `reset`: the connection is closed before the request reaches the server;
 * - `cut-request`: part of the request reaches the server, then both sides are closed (the
 *   server sees half a request and must do nothing);
 * - `drop-response`: the whole request reaches the server, its answer is swallowed and the
 *   device's connection closed (the server acted; the device does not know);
 * - `cut-response`: the answer stops midway (the device gets half a JSON body);
 * - `delay`: every chunk of the exchange waits a random while, longer than the device's timeout
 *   at times: the device gives up, and the request still reaches the server afterwards.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { seededRandom } from '#src/server/db/demo-households.ts';

export const fates = ['pass', 'reset', 'cut-request', 'drop-response', 'cut-response', 'delay'] as const;
export type Fate = (typeof fates)[number];

export interface ProxyOptions {
  /** Where the server listens (can change: see `retarget`). */
  targetPort: number;
  seed: number;
  /** Relative weights of the fates; a missing fate never happens. */
  weights: Partial<Record<Fate, number>>;
  /** Upper bound of one delayed chunk's wait. */
  maxDelayMs?: number;
}

interface Exchange {
  fate: Fate;
  delayMs: number;
}

export class FaultyProxy {
  /** How many exchanges got each fate. */
  readonly counts: Record<Fate, number> = { pass: 0, reset: 0, 'cut-request': 0, 'drop-response': 0, 'cut-response': 0, delay: 0 };
  private readonly random: () => number;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private weights: Partial<Record<Fate, number>>;
  private forced: Fate[] = [];
  private targetPort: number;
  port = 0;

  constructor(private readonly options: ProxyOptions) {
    this.random = seededRandom(options.seed);
    this.weights = options.weights;
    this.targetPort = options.targetPort;
    this.server = createServer((client) => this.handle(client));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The next exchanges get these fates, in order, before random ones resume. */
  force(...fates: Fate[]): void {
    this.forced.push(...fates);
  }

  /** From now on every exchange passes (the network is good again). */
  calm(): void {
    this.weights = { pass: 1 };
    this.forced = [];
  }

  retarget(port: number): void {
    this.targetPort = port;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private draw(): Exchange {
    const forced = this.forced.shift();
    const entries = Object.entries(this.weights) as [Fate, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let fate: Fate = 'pass';
    if (forced) fate = forced;
    else {
      let pick = this.random() * total;
      for (const [candidate, weight] of entries) {
        pick -= weight;
        if (pick < 0) {
          fate = candidate;
          break;
        }
      }
    }
    this.counts[fate] += 1;
    return { fate, delayMs: Math.floor(this.random() * (this.options.maxDelayMs ?? 1000)) };
  }

  private track(socket: Socket): Socket {
    this.sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => this.sockets.delete(socket));
    return socket;
  }

  private handle(clientSocket: Socket): void {
    const client = this.track(clientSocket);
    const upstream = this.track(connect(this.targetPort, '127.0.0.1'));
    let exchange: Exchange | null = null;
    let isAnswering = false; // bytes of an answer went by since the last request began
    let toServer = Promise.resolve();
    let toClient = Promise.resolve();
    const closeBoth = () => {
      client.destroy();
      upstream.destroy();
    };
    const later = (chain: Promise<void>, ms: number, write: () => void) =>
      chain.then(() => new Promise<void>((resolve) => setTimeout(() => {
        write();
        resolve();
      }, ms)));

    client.on('data', (chunk: Buffer) => {
      if (exchange === null || isAnswering) {
        exchange = this.draw();
        isAnswering = false;
      }
      const { fate, delayMs } = exchange;
      if (fate === 'reset') return closeBoth();
      if (fate === 'cut-request') {
        upstream.write(chunk.subarray(0, Math.floor(chunk.length * this.random())), () => closeBoth());
        return;
      }
      if (fate === 'delay') toServer = later(toServer, delayMs, () => upstream.write(chunk));
      else upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      isAnswering = true;
      const fate = exchange?.fate ?? 'pass';
      if (fate === 'drop-response') return closeBoth();
      if (fate === 'cut-response') {
        client.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => closeBoth());
        return;
      }
      if (fate === 'delay') toClient = later(toClient, exchange!.delayMs, () => client.write(chunk));
      else client.write(chunk);
    });
    // A device that gave up (timeout) closes its side; a delayed request still reaches the
    // server, whose answer then goes nowhere.
    client.on('close', () => void toServer.then(() => upstream.end()));
    upstream.on('close', () => void toClient.then(() => client.destroy()));
  }
}
