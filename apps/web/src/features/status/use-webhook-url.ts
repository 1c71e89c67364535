import { useStatus } from './api/get-status';

/**
 * The URL to paste into TradingView, as the server reports it (it knows its public address behind a proxy);
 * this page's own origin until the status arrives.
 */
export function useWebhookUrl(): string {
  const { data } = useStatus();
  return data?.webhookUrl ?? `${window.location.origin}/webhook`;
}
