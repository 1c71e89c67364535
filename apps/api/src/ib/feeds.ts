/** Several SessionFeeds on one session: each sees every socket, and owns its own request ids. */
import type { IbLink, SessionFeed } from './market-data';

export function combineFeeds(...feeds: SessionFeed[]): SessionFeed {
  return {
    opened: (link: IbLink) => feeds.forEach((feed) => feed.opened(link)),
    closed: () => feeds.forEach((feed) => feed.closed()),
    ownsRequest: (reqId: number) => feeds.some((feed) => feed.ownsRequest(reqId)),
  };
}
