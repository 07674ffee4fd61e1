import type { appContract, AppInfo } from '../../shared/ipc/app';
import type { DomainHandlers } from './dispatch';

export function createAppHandlers(info: () => AppInfo): DomainHandlers<typeof appContract> {
  return { 'app:info': () => info() };
}
