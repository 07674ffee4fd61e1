import type { appContract, AppInfo, AppNotice } from '../../shared/ipc/app';
import type { DomainHandlers } from './dispatch';
import type { FlushCoordinator } from './flush';

/** `notices` is main's queue of things to tell the user; each is handed out once. */
export function createAppHandlers(info: () => AppInfo, notices: AppNotice[], flush: FlushCoordinator): DomainHandlers<typeof appContract> {
  return {
    'app:info': () => info(),
    'app:notices': () => ({ notices: notices.splice(0) }),
    'app:flushed': ({ requestId }) => ({ accepted: flush.answer(requestId) }),
  };
}
