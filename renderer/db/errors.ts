import type { FieldErrors } from '../../shared/domain/person';

/** Thrown by repositories when input is refused; nothing was written. */
export class ValidationError extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(Object.values(fieldErrors).filter(Boolean).join(' ') || 'Some fields need attention');
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found. It may have been deleted in another window.`);
    this.name = 'NotFoundError';
  }
}

/** A plain-language message for a storage failure, e.g. a full disk. */
export function storageErrorMessage(error: unknown): string {
  // DOMException is not an Error subclass everywhere, so read name and message from any object.
  const { name, message } = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  if (name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message))) {
    return 'The disk is full, so Trellis could not save. Your text is still on screen: free some space and save again.';
  }
  if (error instanceof ValidationError || error instanceof NotFoundError) return error.message;
  return 'Trellis could not save this change. Your text is still on screen; try again.';
}
