/**
 * Compression both ways.
 * - Answers: gzip or brotli as the client's Accept-Encoding asks (brotli preferred), for bodies
 *   of 1 KB and more: a pull page of logs shrinks several times over a rural 3G link. Brotli at
 *   quality 4 for answers made per request (quality 11 is for the build's static files, see
 *   scripts/precompress.ts, which static-app.ts serves as they are).
 * - Requests: a body sent with `Content-Encoding: gzip` (or deflate, br) is inflated as it
 *   arrives. The body limit counts the inflated bytes, so a small "zip bomb" gets 413 once its
 *   inflated size passes the limit, never a 5xx and never the whole bomb in memory; a body that
 *   is not valid gzip gets 400, an encoding we do not know 415.
 */
import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { ApiError } from './api-errors.ts';

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
    requestEncodings: ['gzip', 'deflate', 'br'],
    // An Error, so the API's error handler answers it in the API's shape; a body that is not
    // valid gzip gets the plugin's own 400, which the error handler words likewise.
    onUnsupportedRequestEncoding: (encoding) => new ApiError(415, 'invalid-request', `Máy chủ không nhận dữ liệu nén kiểu ${encoding}.`),
  });
}
