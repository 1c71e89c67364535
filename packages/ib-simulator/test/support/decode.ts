/** Runs fields through @stoqey/ib's own Decoder, collecting the events it emits and its decoding failures. */
import { Decoder } from '@stoqey/ib/dist/core/io/decoder';
import type { Field } from '../../src/wire/format';

export interface Decoded {
  events: Array<{ name: string; args: unknown[] }>;
  errors: string[];
}

export function decode(serverVersion: number, fields: Field[]): Decoded {
  const result: Decoded = { events: [], errors: [] };
  const decoder = new Decoder({
    serverVersion,
    emitEvent: (name: string, ...args: unknown[]) => result.events.push({ name, args }),
    // The decoder reports its own failures as code 505; any other code is an ERR_MSG it decoded.
    emitError: (message: string, code: number, reqId: number) =>
      code === 505 ? result.errors.push(message) : result.events.push({ name: 'error', args: [message, code, reqId] }),
    emitInfo: (message: string, code: number) => result.events.push({ name: 'info', args: [message, code] }),
  } as never);
  decoder.enqueueMessage(fields);
  decoder.process();
  return result;
}
