import { NotFoundError, ValidationError } from '../db/errors';
import { IpcCallError } from './ipc';

const diskFull = 'The disk is full, so Trellis could not save. Your text is still on screen: free some space and save again.';
const unknownFailure = 'Trellis could not save this change. Your text is still on screen; try again.';

function isQuotaError(error: unknown): boolean {
  // DOMException is not an Error subclass everywhere, so read name and message from any object.
  const { name, message } = typeof error === 'object' && error !== null ? (error as { name?: unknown; message?: unknown }) : {};
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}

/**
 * What went wrong, in words for the user, for anything a call to main or a repository throws:
 * main's own message, a full disk, a refused field. Anything else (a bug, a storage failure with
 * a technical message) gets `fallback`, never a stack trace or an internal name.
 */
export function errorMessage(error: unknown, fallback: string = unknownFailure): string {
  if (error instanceof IpcCallError) return error.message;
  if (isQuotaError(error)) return diskFull;
  if (error instanceof ValidationError || error instanceof NotFoundError) return error.message;
  return fallback;
}

/** True for an error main answered with (its message is written for the user). */
export function isMainError(error: unknown): error is Error & { code: string } {
  return error instanceof IpcCallError;
}
