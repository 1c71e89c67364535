/** A bare TCP client speaking the wire format by hand, for tests the real client cannot express. */
import { connect, type Socket } from 'node:net';
import { encodeFrame } from '../../src/wire/framing';
import { WAIT_MS } from './harness';

export function helloBytes(versionRange = 'v100..193'): Buffer {
  const text = Buffer.from(versionRange, 'latin1');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length, 0);
  return Buffer.concat([Buffer.from('API\0', 'latin1'), length, text]);
}

export const frame = (...fields: Array<string | number>): Buffer => encodeFrame(fields.map(String));

export class RawClient {
  readonly frames: string[][] = [];
  private pending = Buffer.alloc(0);
  private readonly socket: Socket;
  readonly closed: Promise<void>;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
  }

  static open(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port }, () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes);
  }

  /** Writes the bytes one at a time, each in its own TCP segment as far as Node allows. */
  async trickle(bytes: Buffer): Promise<void> {
    for (const byte of bytes) {
      this.socket.write(Buffer.from([byte]));
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Resolves with the first received frame whose first field is `messageId`, past or future. */
  async waitForMessage(messageId: number, timeoutMs = WAIT_MS): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((fields) => fields[0] === String(messageId));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no message ${messageId}; got ${JSON.stringify(this.frames)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 4 && this.pending.length >= 4 + this.pending.readUInt32BE(0)) {
      const length = this.pending.readUInt32BE(0);
      const text = this.pending.subarray(4, 4 + length).toString('utf8');
      this.pending = this.pending.subarray(4 + length);
      this.frames.push(text.replace(/\0$/, '').split('\0'));
    }
  }
}
