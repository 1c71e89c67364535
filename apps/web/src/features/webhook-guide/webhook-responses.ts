import type { ErrorResponse, WebhookReply } from '@tradehook/contracts';

export interface WebhookResponseDoc {
  status: number;
  meaning: string;
  body: WebhookReply | ErrorResponse;
}

/**
 * What POST /webhook answers. Bodies are typed by the contracts; the error codes and messages mirror the API's
 * OpenAPI examples (the contracts do not enumerate them yet).
 */
export const WEBHOOK_RESPONSES: WebhookResponseDoc[] = [
  {
    status: 200,
    meaning: 'Accepted: stored durably, the order follows. Answered in milliseconds; it never waits for IB.',
    body: { id: 42, status: 'accepted' },
  },
  {
    status: 200,
    meaning: 'Duplicate: same alertId (or identical body) as an earlier alert. Not traded again; id is the original.',
    body: { id: 42, status: 'duplicate' },
  },
  {
    status: 400,
    meaning: 'Malformed JSON or invalid fields. Every bad field is listed in details.',
    body: {
      error: 'invalid_payload',
      message: 'The alert is invalid: direction must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL.',
      details: [{ field: 'direction', problem: 'must be BUY, SELL, EXIT (or CLOSE, FLAT), REVERSE or CANCEL' }],
    },
  },
  {
    status: 401,
    meaning: 'The secret is missing or wrong.',
    body: { error: 'unauthorized', message: 'Not authenticated: secret does not match. Put your webhook secret in the "secmgs" field.' },
  },
  {
    status: 413,
    meaning: 'The body is too large.',
    body: { error: 'payload_too_large', message: 'The body is larger than 64 KB.' },
  },
  {
    status: 415,
    meaning: 'Content-Type is neither application/json nor text/plain.',
    body: {
      error: 'unsupported_media_type',
      message: 'Content-Type "application/xml" is not supported: send application/json or text/plain.',
    },
  },
  {
    status: 503,
    meaning: 'The alert could not be stored and was NOT accepted. Nothing will be traded; send it again.',
    body: { error: 'unavailable', message: 'The alert could not be stored (database unavailable) and was not accepted. Retry.' },
  },
];
