// The load itself: every simulated device pushes its batches of outreach logs, one after the
// other, then pulls until the server has nothing more, all devices at once, over keep-alive HTTP
// connections (undici). The same devices then pull once more, untimed, and every device must
// hold exactly the entries its teammates pushed: a load that loses or skips a change fails.
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'undici';
import { seededRandom } from '#src/server/db/demo-households.ts';
import { dayInVietnam } from '#src/shared/domain/dates.ts';
import { uuidv7 } from '#src/shared/domain/ids.ts';
import { apiPaths, INITIAL_CURSOR, PROTOCOL_VERSION, type PullResponse, type PushResponse } from '#src/shared/sync/protocol.ts';
import type { Device } from './seed.ts';

export interface LoadPlan {
  batches: number;
  perBatch: number;
  pullLimit: number;
  /** 0: every device starts at the same instant; else each starts at a random moment within this many ms. */
  rampMs: number;
}

/** Devices that connect and catch up at the same time before the run (a listen backlog is finite). */
const CATCH_UP_CONCURRENCY = 50;

export interface TimedPhase {
  pushMs: number[];
  pullMs: number[];
  /** Push latencies and when each province's devices finished, by province index. */
  provinces: Map<number, { pushMs: number[]; mutations: number; doneMs: number }>;
  mutations: number;
  wallMs: number;
  /** Bytes of the answers, for the reference servers' canned copies. */
  firstPushAnswer: string;
  pullAnswers: string[];
}

interface DeviceState {
  device: Device;
  /** Its own keep-alive connection, as each phone has. */
  connection: Client;
  cursor: PullResponse['cursor'];
  seq: number;
  received: Set<string>;
  written: string[];
}

type Cursor = PullResponse['cursor'];

export class LoadClient {
  private readonly states: DeviceState[];

  constructor(url: string, devices: Device[], private readonly plan: LoadPlan) {
    this.states = devices.map((device) => ({
      device, cursor: INITIAL_CURSOR, seq: 0, received: new Set(), written: [],
      connection: new Client(url, { pipelining: 1, keepAliveTimeout: 120_000, connectTimeout: 60_000, headersTimeout: 120_000, bodyTimeout: 120_000 }),
    }));
  }

  async close(): Promise<void> {
    await Promise.all(this.states.map((state) => state.connection.close()));
  }

  private async post(state: DeviceState, path: string, payload: unknown): Promise<{ status: number; text: string }> {
    const response = await state.connection.request({
      path, method: 'POST', body: JSON.stringify(payload),
      headers: { authorization: `Bearer ${state.device.token}`, 'content-type': 'application/json' },
    });
    return { status: response.statusCode, text: await response.body.text() };
  }

  private async pullOnce(state: DeviceState): Promise<{ page: PullResponse; text: string }> {
    const { status, text } = await this.post(state, apiPaths.pull, { protocolVersion: PROTOCOL_VERSION, clientId: state.device.clientId, cursor: state.cursor, limit: this.plan.pullLimit });
    if (status !== 200) throw new Error(`pull: ${status} ${text.slice(0, 300)}`);
    const page = JSON.parse(text) as PullResponse;
    for (const change of page.changes) if (change.collection === 'fieldLog') state.received.add(change.id);
    state.cursor = page.cursor as Cursor;
    return { page, text };
  }

  /**
   * Every device connects and pulls what its scopes hold now (a device that synced before),
   * a few at a time. Untimed. Its connection then stays open for the run.
   */
  async catchUp(): Promise<void> {
    const waiting = [...this.states];
    await Promise.all(Array.from({ length: CATCH_UP_CONCURRENCY }, async () => {
      for (let state = waiting.pop(); state; state = waiting.pop()) {
        while ((await this.pullOnce(state)).page.hasMore);
      }
    }));
    for (const state of this.states) state.received.clear();
  }

  private batch(state: DeviceState) {
    const now = new Date().toISOString();
    const { device } = state;
    return Array.from({ length: this.plan.perBatch }, () => {
      const id = uuidv7();
      state.written.push(id);
      state.seq += 1;
      return {
        seq: state.seq, collection: 'fieldLog', id, op: 'put' as const, base: 0,
        data: {
          id, kind: 'outreach', teamId: device.teamId, memberId: device.userId, date: dayInVietnam(), note: '',
          reviewStatus: 'pending', reviewComment: '', reviewedBy: null, reviewedAt: null, photoIds: [], location: null,
          createdAt: now, updatedAt: now, householdIds: [device.householdIds[state.seq % device.householdIds.length]!],
          topic: 'Phòng chống lừa đảo qua mạng', form: 'home-visit', peopleReached: 3,
        },
      };
    });
  }

  /** All devices at once (or spread over the ramp): push every batch, then pull until nothing more waits. */
  async run(): Promise<TimedPhase> {
    const random = seededRandom(2026);
    const result: TimedPhase = { pushMs: [], pullMs: [], provinces: new Map(), mutations: 0, wallMs: 0, firstPushAnswer: '', pullAnswers: [] };
    const started = performance.now();
    await Promise.all(this.states.map(async (state) => {
      if (this.plan.rampMs > 0) await sleep(random() * this.plan.rampMs);
      const province = result.provinces.get(state.device.province) ?? { pushMs: [], mutations: 0, doneMs: 0 };
      result.provinces.set(state.device.province, province);
      for (let batch = 0; batch < this.plan.batches; batch += 1) {
        const mutations = this.batch(state);
        const start = performance.now();
        const { status, text } = await this.post(state, apiPaths.push, { protocolVersion: PROTOCOL_VERSION, clientId: state.device.clientId, mutations });
        result.pushMs.push(performance.now() - start);
        province.pushMs.push(performance.now() - start);
        if (status !== 200) throw new Error(`push: ${status} ${text.slice(0, 300)}`);
        const answer = JSON.parse(text) as PushResponse;
        if (answer.rejected.length > 0) throw new Error(`push refused: ${JSON.stringify(answer.rejected[0])}`);
        result.mutations += mutations.length;
        province.mutations += mutations.length;
        result.firstPushAnswer ||= text;
      }
      for (;;) {
        const start = performance.now();
        const { page, text } = await this.pullOnce(state);
        result.pullMs.push(performance.now() - start);
        result.pullAnswers.push(text);
        if (page.hasMore) continue;
        province.doneMs = Math.max(province.doneMs, performance.now() - started);
        return;
      }
    }));
    result.wallMs = performance.now() - started;
    return result;
  }

  /** Pulls the rest, then counts entries a device lacks (or got twice) of those its teammates pushed. */
  async verify(): Promise<{ missing: number; extra: number }> {
    await Promise.all(this.states.map(async (state) => {
      for (;;) if (!(await this.pullOnce(state)).page.hasMore) return;
    }));
    const byTeam = new Map<string, DeviceState[]>();
    for (const state of this.states) byTeam.set(state.device.teamId, [...(byTeam.get(state.device.teamId) ?? []), state]);
    let missing = 0;
    let extra = 0;
    for (const state of this.states) {
      const expected = new Set(byTeam.get(state.device.teamId)!.filter((other) => other !== state).flatMap((other) => other.written));
      for (const id of expected) if (!state.received.has(id)) missing += 1;
      for (const id of state.received) if (!expected.has(id)) extra += 1;
    }
    return { missing, extra };
  }
}
