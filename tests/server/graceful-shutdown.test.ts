/**
 * The real server as a child process (`src/server/server.ts`, as `npm start` runs it), an
 * in-memory database and a stub static folder. A login request is in flight when SIGTERM arrives:
 * its headers have reached the server, its body is still on the way (a slow phone on 2G does
 * exactly this). The server must stop taking new connections, answer that request, and exit 0.
 */
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import { apiPaths } from '#src/shared/sync/protocol.ts';
import { startServer, stubStaticDir, type RunningServer } from '../support/server-process.ts';

let server: RunningServer | undefined;
let staticDir: string | undefined;

afterEach(async () => {
  await server?.stop('SIGKILL');
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
});

/** Everything the server sends on the socket until it closes it, split into responses. */
function readResponses(socket: Socket): Promise<{ head: string; body: string }[]> {
  return new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const responses: { head: string; body: string }[] = [];
      let rest = Buffer.from(text, 'latin1');
      while (rest.length > 0) {
        const end = rest.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = rest.subarray(0, end).toString('utf8');
        const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
        responses.push({ head, body: rest.subarray(end + 4, end + 4 + length).toString('utf8') });
        rest = rest.subarray(end + 4 + length);
      }
      resolve(responses);
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(port, '127.0.0.1');
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

it('finish a request in flight on SIGTERM, refuse new connections, and exit 0', async () => {
  staticDir = stubStaticDir();
  server = await startServer({ DATA_DIR: 'memory', STATIC_DIR: staticDir, DATABASE_URL: '' });
  const { output } = server;
  const port = Number(new URL(server.url).port);
  const body = JSON.stringify({ username: 'tovien', password: 'antt2026' });
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const responses = readResponses(socket);
  socket.write(
    `POST ${apiPaths.login} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body.slice(0, 10)}`,
  );
  await sleep(300);

  const exited = server.stop('SIGTERM');
  await sleep(500);
  expect(await canConnect(port)).toBe(false);
  expect(server.process.exitCode).toBeNull(); // still waiting for our request

  // The rest of the body, and right behind it a second request pipelined on the same kept-alive
  // connection. The server answers the first, says Connection: close and closes the connection
  // (an HTTP client retries the unanswered one elsewhere); a kept-alive connection left open
  // would hold the shutdown up until the keep-alive timeout.
  socket.write(body.slice(10) + `GET ${apiPaths.health} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
  const [login, ...others] = await responses;
  expect(login?.head).toMatch(/^HTTP\/1\.1 200 OK/);
  expect(login?.head).toMatch(/^connection: close$/im);
  expect(JSON.parse(login!.body).profile.user.username).toBe('tovien');
  expect(others).toEqual([]);

  expect(await exited).toBe(0);
  expect(output()).toContain('Đã dừng máy chủ.');
});
