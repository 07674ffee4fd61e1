import type { AppInfo } from '../../shared/ipc/contract';
import { AppError } from '../../shared/ipc/result';
import type { PartialHandlerTable } from './dispatch';

export function createAppHandlers(info: () => AppInfo): PartialHandlerTable<'app:info'> {
  return { 'app:info': () => info() };
}

export function createShellHandlers(
  openExternal: (url: string) => Promise<void>,
  isSafe: (url: string) => boolean,
): PartialHandlerTable<'shell:open-external'> {
  return {
    'shell:open-external': async ({ url }) => {
      if (!isSafe(url)) throw new AppError('invalid-input', 'Only web (http, https) and mailto links can be opened.');
      await openExternal(url);
      return { opened: true };
    },
  };
}
