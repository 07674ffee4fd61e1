import type { shellContract } from '../../shared/ipc/shell';
import type { DomainHandlers } from './dispatch';

/** Opens a link outside the app; resolves false when it was refused or the user said no. */
export type OpenExternal = (url: string) => Promise<boolean>;

export function createShellHandlers(openExternal: OpenExternal): DomainHandlers<typeof shellContract> {
  return {
    'shell:open-external': async ({ url }) => ({ opened: await openExternal(url) }),
  };
}
