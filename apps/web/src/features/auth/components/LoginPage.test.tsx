import { fireEvent, screen, waitFor } from '@testing-library/react';
import { makeStatus } from '../../../test/fixtures';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockApi } from '../../../test/mock-api';
import { renderApp } from '../../../test/render-app';

const admin = { id: 1, username: 'ada', role: 'admin' as const };

function signIn(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Login page', () => {
  it('signs in, returns to the page in ?next= and only then opens the live stream', async () => {
    const api = mockApi({
      'POST /api/auth/login': { body: admin },
      'GET /api/auth/me': { body: admin },
      'GET /api/status': { body: makeStatus() },
    });
    renderApp('/login?next=%2Fguide%3Ftab%3D1');
    expect(document.title).toBe('Sign in · Tradehook');
    // Without a session the stream would only collect 401s.
    expect(FakeEventSource.instances).toHaveLength(0);

    signIn(' ada ', 'correct horse battery');

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/guide?tab=1'));
    expect(screen.getByRole('heading', { level: 1, name: 'Webhook guide' })).toBeInTheDocument();
    const [, init] = api.fetchMock.mock.calls.find(([url]) => String(url) === '/api/auth/login')!;
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'ada', password: 'correct horse battery' });
    expect(FakeEventSource.instances).toHaveLength(1);
    // The header knows who signed in without asking the server again.
    expect(await screen.findByText('ada')).toBeInTheDocument();
    expect(api.requests('GET /api/auth/me')).toHaveLength(0);
  });

  it('shows the API’s message for wrong credentials and stays on the page', async () => {
    mockApi({
      'POST /api/auth/login': { status: 401, body: { error: 'invalid_credentials', message: 'Wrong username or password.' } },
    });
    renderApp('/login?next=%2Ftrades');

    signIn('ada', 'wrong');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Ftrades');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('says when sign-in is rate limited', async () => {
    mockApi({ 'POST /api/auth/login': { status: 429, body: { error: 'Too Many Requests', message: 'Rate limit exceeded, retry in 1 minute' } } });
    renderApp('/login');
    signIn('ada', 'guess');
    expect(await screen.findByRole('alert')).toHaveTextContent('Rate limit exceeded, retry in 1 minute');
  });
});

describe('Session on the trader pages', () => {
  it('sends a 401 from any API call to the login page, remembering where the user was', async () => {
    const unauthorized = { status: 401, body: { error: 'unauthorized', message: 'Sign in to use Tradehook.' } };
    mockApi({ 'GET /api/status': unauthorized, 'GET /api/alerts': unauthorized, 'GET /api/auth/me': unauthorized });
    renderApp('/requests?status=failed');

    await waitFor(() =>
      expect(screen.getByTestId('location')).toHaveTextContent('/login?next=%2Frequests%3Fstatus%3Dfailed'),
    );
    expect(screen.getByRole('heading', { name: 'Sign in to Tradehook' })).toBeInTheDocument();
  });

  it('signs out from the header and lands on the login page', async () => {
    const api = mockApi({
      'GET /api/auth/me': { body: { id: 2, username: 'vic', role: 'viewer' } },
      'GET /api/status': { body: makeStatus() },
      'POST /api/auth/logout': { status: 204 },
    });
    const { queryClient } = renderApp('/guide');
    expect(await screen.findByText('vic (viewer)')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/login$/));
    expect(api.requests('POST /api/auth/logout')).toHaveLength(1);
    expect(queryClient.getQueryData(['status'])).toBeUndefined();
  });
});
