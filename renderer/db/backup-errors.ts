/** Why a backup's database part cannot be restored; the message is for the user. */
export class BackupDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupDataError';
  }
}
