import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EventType } from '@tradehook/contracts';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { queryRoots } from './query-keys';
import { usePageVisible } from './use-page-visible';

/** connecting: first attempt · open: events flowing · down: lost, reconnecting · unsupported: no EventSource. */
export type LiveEventsState = 'connecting' | 'open' | 'down' | 'unsupported';

/**
 * Which cached resources each server event makes stale: an order or fill also changes its alert's row and the
 * strategies' positions (fills move them, working orders count against drift); IB's positions carry P&L that the
 * account's today figures add up.
 */
const INVALIDATES: Record<EventType, ReadonlyArray<readonly string[]>> = {
  alert: [queryRoots.alerts, queryRoots.status],
  order: [queryRoots.trades, queryRoots.alerts, queryRoots.status, queryRoots.positions],
  execution: [queryRoots.trades, queryRoots.alerts, queryRoots.status, queryRoots.positions],
  connection: [queryRoots.status, queryRoots.account],
  settings: [queryRoots.status],
  position: [queryRoots.positions, queryRoots.account],
  drift: [queryRoots.positions],
  account: [queryRoots.account],
};
const EVENT_TYPES = Object.keys(INVALIDATES) as EventType[];

const EVENT_SOURCE_CLOSED = 2;
// A burst of fills becomes one refetch per resource, not one per fill.
const COALESCE_MS = 100;
const MAX_RECONNECT_DELAY_MS = 30_000;

const LiveEventsContext = createContext<LiveEventsState>('connecting');

export function useLiveEventsState(): LiveEventsState {
  return useContext(LiveEventsContext);
}


/**
 * Keeps one /api/events stream open for the whole app while its tab is visible, and turns its events into query
 * invalidations. A background tab closes its stream: over HTTP/1.1 a browser keeps at most 6 connections to one
 * server for all its tabs, so six open tabs would otherwise leave none for a request and a seventh never loads.
 * Back in front, the tab reopens the stream and refreshes everything it missed.
 */
export function LiveEventsProvider({ url = '/api/events', paused = false, children }: {
  url?: string;
  /** No stream (the login page: without a session the server answers 401). Unpaused, it opens and refreshes all. */
  paused?: boolean;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveEventsState>('connecting');
  const visible = usePageVisible();
  const wasHidden = useRef(false);

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      setState('unsupported');
      return;
    }
    if (!visible || paused) {
      wasHidden.current = true;
      setState('connecting');
      return;
    }
    const missedEvents = wasHidden.current;
    wasHidden.current = false;
    return connectLiveEvents(url, queryClient, setState, missedEvents);
  }, [url, queryClient, visible, paused]);

  return (
    <LiveEventsContext.Provider value={state}>{children}</LiveEventsContext.Provider>
  );
}

/** `missedEvents`: events went unheard before this stream (a hidden tab), so refresh everything once it opens. */
function connectLiveEvents(url: string, queryClient: QueryClient, setState: (s: LiveEventsState) => void, missedEvents = false) {
  let source: EventSource | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  const stale = new Set<readonly string[]>();

  const flush = () => {
    flushTimer = undefined;
    for (const queryKey of stale) void queryClient.invalidateQueries({ queryKey });
    stale.clear();
  };
  const onEvent = (type: EventType) => {
    INVALIDATES[type].forEach((key) => stale.add(key));
    flushTimer ??= setTimeout(flush, COALESCE_MS);
  };

  const open = () => {
    source = new EventSource(url);
    source.onopen = () => {
      failures = 0;
      setState('open');
      // Whatever happened while the stream was down was not announced: refresh everything once.
      if (missedEvents) void queryClient.invalidateQueries();
      missedEvents = false;
    };
    source.onerror = () => {
      missedEvents = true;
      setState('down');
      // The stream broke: ask for the status now, so an API that is down shows its banner at once, not at the
      // next periodic check.
      void queryClient.invalidateQueries({ queryKey: queryRoots.status });
      // EventSource retries by itself unless the server answered with an error; then we retry, backing off.
      if (source?.readyState === EVENT_SOURCE_CLOSED) {
        source.close();
        const delay = Math.min(1000 * 2 ** failures++, MAX_RECONNECT_DELAY_MS);
        reconnectTimer = setTimeout(open, delay);
      }
    };
    for (const type of EVENT_TYPES) source.addEventListener(type, () => onEvent(type));
  };

  open();
  return () => {
    clearTimeout(reconnectTimer);
    clearTimeout(flushTimer);
    source?.close();
  };
}
