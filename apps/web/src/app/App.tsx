import { BrowserRouter } from 'react-router-dom';
import { createQueryClient } from '../lib/query-client';
import { AppProviders } from './AppProviders';
import { AppRoutes } from './AppRoutes';

const queryClient = createQueryClient();

export function App() {
  return (
    <AppProviders queryClient={queryClient}>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </AppProviders>
  );
}
