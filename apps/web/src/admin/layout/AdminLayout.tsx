import { Button, Layout, Menu, useResourceContext, type LayoutProps } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useDocumentTitle } from '../../lib/use-document-title';
import { OneTimeSecretDialog } from '../one-time-secret/OneTimeSecretDialog';

/** The trader pages' stylesheet centres and narrows every <main>; react-admin's <main> is its full-width frame. */
const undoTraderMainStyle = { '& main.RaLayout-contentWithSidebar': { maxWidth: 'none', margin: 0, padding: 0 } };

/** The resources, then the way back to the trader pages (outside react-admin's router: a plain link). */
function AdminMenu() {
  return (
    <Menu>
      <Menu.ResourceItems />
      <Button label="← Trader pages" href="/trades" sx={{ justifyContent: 'flex-start', mx: 1, mt: 1 }} />
    </Menu>
  );
}

/** "Strategies · Admin · Tradehook": each console page names itself to tabs, history and screen readers. */
function useAdminPageTitle(): void {
  const { pathname } = useLocation();
  const resource = useResourceContext() ?? pathname.split('/').filter(Boolean).find((part) => part !== 'admin');
  const name = resource ? resource.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()) : 'Console';
  useDocumentTitle(`${name} · Admin`);
}

/** react-admin's layout, plus the one-time secret dialog (it outlives the page that triggered it, e.g. after create). */
export function AdminLayout({ children, ...props }: LayoutProps) {
  useAdminPageTitle();
  return (
    <Layout sx={undoTraderMainStyle} menu={AdminMenu} {...props}>
      {children}
      <OneTimeSecretDialog />
    </Layout>
  );
}
