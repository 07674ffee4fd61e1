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
