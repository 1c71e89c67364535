import { renderApp } from '../../test/render-app';

/**
 * Renders the whole app at a console path, as the browser would (the lazy route, the shared QueryClient), with
 * the console's chunk loaded beforehand so the first assertion waits for data, not for react-admin to load.
 */
export async function renderConsole(path: string) {
  await import('../AdminApp');
  localStorage.clear(); // react-admin's store keeps list preferences there
  window.scrollTo = () => {}; // react-admin scrolls to the top on navigation; jsdom has no layout to scroll
  return renderApp(path);
}
