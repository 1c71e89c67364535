import { useEffect } from 'react';

export const APP_NAME = 'Tradehook';

/** Sets "<page> · Tradehook" while the page is shown (tabs, history and screen readers announce it). */
export function useDocumentTitle(page: string): void {
  useEffect(() => {
    document.title = `${page} · ${APP_NAME}`;
  }, [page]);
}
