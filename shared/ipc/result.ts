/** What every IPC call answers: a value, or an error with a stable code and a plain message. */
export const errorCodes = ['invalid-input', 'forbidden', 'unknown-operation', 'not-found', 'conflict', 'io', 'internal'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** An error a handler throws on purpose; its message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
