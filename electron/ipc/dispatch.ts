import { z } from 'zod';

import { isChannel } from '../../shared/ipc/channels';
import { type Channel, contract, type Input, type Output } from '../../shared/ipc/contract';
import type { DomainContract } from '../../shared/ipc/operation';
import { AppError, type IpcResult } from '../../shared/ipc/result';
import { APP_ORIGIN } from '../protocol';

export type Handler<C extends Channel> = (input: z.output<(typeof contract)[C]['input']>) => Promise<Output<C>> | Output<C>;
export type HandlerTable = { [C in Channel]: Handler<C> };
export type PartialHandlerTable<K extends Channel> = { [C in K]: Handler<C> };
/** The handlers of one domain, typed from its contract: `DomainHandlers<typeof laddersContract>`. */
export type DomainHandlers<D extends DomainContract> = PartialHandlerTable<Extract<keyof D, Channel>>;

export type Dispatch = (channel: unknown, payload: unknown) => Promise<IpcResult<unknown>>;

/** Describes what was wrong with a payload without echoing the payload itself. */
function describeIssues(channel: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : 'input';
    return `${where}: ${issue.message}`;
  });
  return `Invalid input for ${channel}: ${parts.join('; ')}`;
}

/**
 * The one path every IPC call takes, whatever the transport (ipcMain in the app, a Playwright
 * binding in the browser suite): known channel, valid input, handler, valid output. Nothing
 * escapes as an exception and no stack trace reaches the renderer.
 */
export function createDispatcher(handlers: HandlerTable, log: (message: string, error: unknown) => void = () => {}): Dispatch {
  return async (channel, payload) => {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown-operation', message: 'Unknown operation' } };
    const operation = contract[channel];
    const input = operation.input.safeParse(payload);
    if (!input.success) return { ok: false, error: { code: 'invalid-input', message: describeIssues(channel, input.error) } };
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      const raw = await handler(input.data);
      const output = operation.output.safeParse(raw);
      if (!output.success) {
        log(`Handler for ${channel} returned a value outside its contract`, output.error);
        return { ok: false, error: { code: 'internal', message: `Trellis could not complete ${channel}.` } };
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
      if (error instanceof z.ZodError) return { ok: false, error: { code: 'invalid-input', message: describeIssues(channel, error) } };
      log(`Handler for ${channel} failed`, error);
      return { ok: false, error: { code: 'internal', message: `Trellis could not complete ${channel}.` } };
    }
  };
}

/** Only our own renderer, served from app://trellis, may call main. */
export function isTrustedSender(frameUrl: string | undefined | null, origin: string = APP_ORIGIN): boolean {
  if (typeof frameUrl !== 'string') return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === origin;
  } catch {
    return false;
  }
}

export const forbiddenResult: IpcResult<never> = { ok: false, error: { code: 'forbidden', message: 'This caller may not use Trellis operations.' } };

export type { Input, Output };
