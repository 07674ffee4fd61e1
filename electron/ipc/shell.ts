import { AppError } from '../../shared/ipc/result';
import type { shellContract } from '../../shared/ipc/shell';
import type { OpenResult } from '../services/external-links';
import type { DomainHandlers } from './dispatch';

/** Opens a link outside the app after the user confirmed it (services/external-links.ts). */
export type OpenLink = (raw: string) => Promise<OpenResult>;

export function createShellHandlers(openLink: OpenLink): DomainHandlers<typeof shellContract> {
  return {
    'shell:open-external': async ({ url }) => {
      const result = await openLink(url);
      if (result === 'invalid') throw new AppError('invalid-input', 'Only web (https:) and email (mailto:) links can be opened.');
      return { opened: result === 'opened' };
    },
  };
}
