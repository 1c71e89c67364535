/**
 * Framing of the TWS "V100+" protocol: every message is a uint32 big-endian length followed by that many
 * bytes of NUL-terminated fields. A connection opens with the raw bytes "API\0" and one framed version string.
 */
import type { Field } from './format';

const API_PREFIX = Buffer.from('API\0', 'latin1');
/** The same bound the client enforces; a longer length means the stream is out of sync for good. */
export const MAX_FRAME_LENGTH = 0xffffff;

export function encodeFrame(fields: readonly Field[]): Buffer {
  const payload = Buffer.from(fields.map((field) => `${field}\0`).join(''), 'utf8');
  const frame = Buffer.allocUnsafe(4 + payload.length);
  frame.writeUInt32BE(payload.length, 0);
  payload.copy(frame, 4);
  return frame;
}

export type FrameEvent =
  | { kind: 'hello'; versionText: string }
  | { kind: 'message'; fields: string[] }
  /** fatal: framing is lost, the connection cannot continue. */
  | { kind: 'malformed'; error: Error; fatal: boolean };

/**
 * Turns TCP chunks into hello / message events. Chunks may split a frame anywhere or carry several frames.
 */
export class FrameReader {
  private buffer: Buffer = Buffer.alloc(0);
  private prefixConsumed = false;
  private helloConsumed = false;
  private broken = false;

  push(chunk: Buffer): FrameEvent[] {
    if (this.broken) return [];
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const events: FrameEvent[] = [];
    if (!this.prefixConsumed && !this.readPrefix(events)) return events;
    for (;;) {
      if (this.buffer.length < 4) return events;
      const length = this.buffer.readUInt32BE(0);
      if (length > MAX_FRAME_LENGTH) return this.fail(events, `frame length ${length} exceeds ${MAX_FRAME_LENGTH}`);
      if (this.buffer.length < 4 + length) return events;
      const payload = this.buffer.subarray(4, 4 + length);
      this.buffer = this.buffer.subarray(4 + length);
      events.push(this.decodePayload(payload));
    }
  }

  /** Consumes "API\0" once; false while more bytes are needed or when the prefix is wrong. */
  private readPrefix(events: FrameEvent[]): boolean {
    const seen = this.buffer.subarray(0, API_PREFIX.length);
    if (!API_PREFIX.subarray(0, seen.length).equals(seen)) {
      this.fail(events, 'missing "API\\0" prefix');
      return false;
    }
    if (seen.length < API_PREFIX.length) return false;
    this.buffer = this.buffer.subarray(API_PREFIX.length);
    this.prefixConsumed = true;
    return true;
  }

  private decodePayload(payload: Buffer): FrameEvent {
    const text = payload.toString('utf8');
    // The hello frame is the only one without a trailing NUL (the client sends the bare version string).
    if (!this.helloConsumed) {
      this.helloConsumed = true;
      return { kind: 'hello', versionText: text.replace(/\0+$/, '') };
    }
    if (!text.endsWith('\0')) {
      return { kind: 'malformed', error: new Error('frame does not end with a NUL terminator'), fatal: false };
    }
    return { kind: 'message', fields: text.slice(0, -1).split('\0') };
  }

  private fail(events: FrameEvent[], message: string): FrameEvent[] {
    this.broken = true;
    this.buffer = Buffer.alloc(0);
    events.push({ kind: 'malformed', error: new Error(message), fatal: true });
    return events;
  }
}
