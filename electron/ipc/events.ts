import { eventContract, type EventName, type EventPayload } from '../../shared/ipc/contract';

/** Where main's events go: every window in the app, the test page in the browser suite. */
export type EventTransport = (event: EventName, payload: unknown) => void;

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

/** Validates each payload against the contract before it leaves main. */
export function createEventSink(transport: EventTransport, log: (message: string, error: unknown) => void = () => {}): EventSink {
  return {
    emit(event, payload) {
      const parsed = eventContract[event].safeParse(payload);
      if (!parsed.success) {
        log(`Event ${event} was not sent: its payload is outside the contract`, parsed.error);
        return;
      }
      transport(event, parsed.data);
    },
  };
}
