/**
 * One client connection: handshake, framing, pacing and the START_API step. What the messages mean is
 * decided by the SessionHandler (the simulator); the session only knows the order in which things happen.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Field } from '../wire/format';
import { encodeFrame, FrameReader } from '../wire/framing';
import { Incoming } from '../wire/message-ids';
import { messageId, parseStartApi, RequestDecodeError } from '../wire/client-requests';
import { serverHello } from '../wire/server-messages';
import { PacingWindow } from './pacing';

export interface SessionHandler {
  /** The agreed server version for the client's "v100..193", or undefined to refuse the connection. */
  negotiateVersion(versionText: string): number | undefined;
  /** Called after the hello reply; answers START_API (accept, or 326 and close). */
  startApi(session: Session, clientId: number): void;
  /** A message of a started session, with the moment it was decoded. */
  handleMessage(session: Session, fields: string[], receivedAt: number): void;
  /** Every framed client message after the handshake, before pacing is checked. */
  countMessage(): void;
  decodeError(session: Session, error: Error): void;
  pacingViolation(session: Session): void;
  closed(session: Session): void;
}

type SessionState = 'awaitingHello' | 'awaitingStartApi' | 'started' | 'closing';

/** Epoch milliseconds with sub-millisecond precision. */
export const preciseNow = (): number => performance.timeOrigin + performance.now();

export class Session {
  private state: SessionState = 'awaitingHello';
  private readonly reader = new FrameReader();
  private readonly pacing: PacingWindow;
  serverVersion = 0;
  /** Set once START_API has been accepted. */
  clientId: number | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly handler: SessionHandler,
    maxMessagesPerSecond: number,
  ) {
    this.pacing = new PacingWindow(maxMessagesPerSecond);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => socket.destroy()); // a reset by the peer is an ordinary disconnect here
    socket.on('close', () => handler.closed(this));
  }

  get started(): boolean {
    return this.state === 'started';
  }

  markStarted(clientId: number): void {
    this.clientId = clientId;
    this.state = 'started';
  }

  send(fields: readonly Field[]): void {
    if (this.state !== 'closing' && !this.socket.destroyed) this.socket.write(encodeFrame(fields));
  }

  /** Flushes what was sent, then closes: used after a 326 or a pacing violation so the client reads why. */
  closeAfterFlush(): void {
    if (this.state === 'closing') return;
    this.state = 'closing';
    this.socket.end(() => this.socket.destroy());
  }

  /** Drops the connection at once, as a network failure would. */
  destroy(): void {
    this.state = 'closing';
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    for (const event of this.reader.push(chunk)) {
      if (this.state === 'closing') return;
      if (event.kind === 'malformed') {
        this.handler.decodeError(this, event.error);
        if (event.fatal) this.destroy();
      } else if (event.kind === 'hello') {
        this.onHello(event.versionText);
      } else {
        this.onMessage(event.fields);
      }
    }
  }

  private onHello(versionText: string): void {
    const version = this.handler.negotiateVersion(versionText);
    if (version === undefined) {
      this.handler.decodeError(this, new Error(`unsupported client version range "${versionText}"`));
      this.destroy();
      return;
    }
    this.serverVersion = version;
    this.state = 'awaitingStartApi';
    this.socket.write(encodeFrame(serverHello(version, Date.now())));
  }

  private onMessage(fields: string[]): void {
    const receivedAt = preciseNow();
    this.handler.countMessage();
    if (!this.pacing.admit(receivedAt)) {
      this.handler.pacingViolation(this);
      return;
    }
    try {
      if (this.state === 'started') {
        this.handler.handleMessage(this, fields, receivedAt);
      } else if (messageId(fields) === Incoming.START_API) {
        this.handler.startApi(this, parseStartApi(fields).clientId);
      } // TWS ignores anything else before START_API
    } catch (error) {
      const reason = error instanceof Error ? error : new RequestDecodeError(String(error));
      this.handler.decodeError(this, reason);
    }
  }
}
