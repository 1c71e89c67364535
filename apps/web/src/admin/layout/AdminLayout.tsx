import { Layout, type LayoutProps } from 'react-admin';
import { OneTimeSecretDialog } from '../one-time-secret/OneTimeSecretDialog';

/** The trader pages' stylesheet centres and narrows every <main>; react-admin's <main> is its full-width frame. */
const undoTraderMainStyle = { '& main.RaLayout-contentWithSidebar': { maxWidth: 'none', margin: 0, padding: 0 } };

/** react-admin's layout, plus the one-time secret dialog (it outlives the page that triggered it, e.g. after create). */
export function AdminLayout({ children, ...props }: LayoutProps) {
  return (
    <Layout sx={undoTraderMainStyle} {...props}>
      {children}
      <OneTimeSecretDialog />
    </Layout>
  );
}
