/**
 * One management request from a form: busy while it runs, the server's Vietnamese message (and
 * per-field messages) when refused, a confirmation when done. The screen reloads after success.
 */
import { useState } from 'react';
import { apiRequest, ApiRequestError } from '#src/client/api/api-client.ts';

export interface AdminAction {
  isBusy: boolean;
  error: ApiRequestError | null;
  run: (method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) => Promise<boolean>;
}

export function useAdminAction(token: string | null, onDone: () => void): AdminAction {
  const [isBusy, setIsBusy] = useState(false);
  const [error, setError] = useState<ApiRequestError | null>(null);
  async function run(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<boolean> {
    setIsBusy(true);
    setError(null);
    try {
      await apiRequest({ method, path, token, body });
      onDone();
      return true;
    } catch (failure) {
      setError(failure instanceof ApiRequestError ? failure : new ApiRequestError('server-error', null, String(failure)));
      return false;
    } finally {
      setIsBusy(false);
    }
  }
  return { isBusy, error, run };
}
