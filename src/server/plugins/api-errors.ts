/**
 * Every failed request answers `{ error: { reason, message, fields? } }` (errorResponseSchema)
 * with a Vietnamese message: routes throw ApiError; anything Fastify itself refuses (malformed
 * JSON, wrong content type, body too large) becomes a 4xx in the same shape, never a 500.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorReason, ErrorResponse } from '#src/shared/sync/protocol.ts';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: ErrorReason,
    message: string,
    readonly fields?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorResponse {
    return { error: { reason: this.reason, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const errorMessages = {
  invalidRequest: 'Yêu cầu không hợp lệ.',
  invalidJson: 'Dữ liệu gửi lên không phải JSON hợp lệ.',
  tooLarge: 'Dữ liệu gửi lên quá lớn.',
  unauthorized: 'Phiên đăng nhập đã hết hạn hoặc không hợp lệ. Hãy đăng nhập lại.',
  notFound: 'Không tìm thấy địa chỉ này.',
  serverError: 'Máy chủ đang gặp sự cố. Hãy thử lại sau.',
} as const;

/** A 400 listing the fields that failed a shared schema. */
export function invalidRequest(error: z.ZodError): ApiError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.') || '_', message: issue.message }));
  return new ApiError(400, 'invalid-request', errorMessages.invalidRequest, fields);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.statusCode).send(error.toBody());
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? errorMessages.invalidJson
          : status === 413
            ? errorMessages.tooLarge
            : errorMessages.invalidRequest;
      return reply.status(status).send(new ApiError(status, status === 413 ? 'payload-too-large' : 'invalid-request', message).toBody());
    }
    request.log.error(error);
    return reply.status(500).send(new ApiError(500, 'server-error', errorMessages.serverError).toBody());
  });
}

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors`): a path
 * with broken percent-encoding, or a path parameter longer than any id. Answered in the same
 * shape as every other error; a parameter that long cannot be an id, so it is "not found" like
 * any malformed id (routes/parse-body.ts idParam).
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const answer =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new ApiError(404, 'not-found', errorMessages.notFound)
      : error.code === 'FST_ERR_BAD_URL'
        ? new ApiError(400, 'invalid-request', errorMessages.invalidRequest)
        : new ApiError(500, 'server-error', errorMessages.serverError);
  void reply.status(answer.statusCode).send(answer.toBody());
}
