import { errorMessage } from '../../app/errors';
import { DecryptError, WrongSecretError } from '../../db/lock/crypto';
import { PassphraseTooShortError, WrongRecoveryKeyError } from '../../db/lock/keyring';

/** What the lock's forms say when something goes wrong. */
export function lockErrorMessage(error: unknown): string {
  if (error instanceof WrongSecretError) return 'That passphrase is not right. Nothing was changed; try again.';
  if (error instanceof WrongRecoveryKeyError) return 'That recovery key is not right. Check it against your printed copy; nothing was changed.';
  if (error instanceof PassphraseTooShortError) return error.message;
  if (error instanceof DecryptError)
    return 'Your passphrase is right, but the stored key does not open your data: the lock’s data is damaged. Restore a backup from Settings → Backups.';
  return errorMessage(error, 'The lock could not do that. Nothing was changed.');
}
