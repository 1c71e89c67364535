import { Button, Layout, Menu, type LayoutProps } from 'react-admin';
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

/** react-admin's layout, plus the one-time secret dialog (it outlives the page that triggered it, e.g. after create). */
export function AdminLayout({ children, ...props }: LayoutProps) {
  return (
    <Layout sx={undoTraderMainStyle} menu={AdminMenu} {...props}>
      {children}
      <OneTimeSecretDialog />
    </Layout>
  );
}
