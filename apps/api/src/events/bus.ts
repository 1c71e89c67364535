import { EventEmitter } from 'node:events';
import type { EventType, LiveEvent } from '@tradehook/contracts';

/**
 * In-process publish/subscribe for domain changes. The SSE route forwards these to browsers; the dispatcher
 * listens for freshly accepted alerts. (Several replicas would bridge this through Postgres LISTEN/NOTIFY.)
 */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(1_000);
  }

  publish(type: EventType, id: number | string, status?: string): void {
    if (this.emitter.listenerCount('event') === 0) return; // nobody watching: no event to build
    const event: LiveEvent = { type, id, at: new Date().toISOString(), ...(status ? { status } : {}) };
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Alerts just committed as accepted: the dispatcher's wake-up call. */
  alertsAccepted(ids: number[]): void {
    this.emitter.emit('accepted', ids);
  }

  onAlertsAccepted(listener: (ids: number[]) => void): () => void {
    this.emitter.on('accepted', listener);
    return () => this.emitter.off('accepted', listener);
  }
}
