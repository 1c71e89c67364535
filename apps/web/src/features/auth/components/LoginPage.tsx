import { useId, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useLogin } from '../api/login';
import { safeNextPath } from '../next-path';

/** Sign-in for the trader pages and the admin console alike; returns to `?next=` (a path of this app) afterwards. */
export function LoginPage() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const login = useLogin();
  const titleId = useId();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = { username: String(form.get('username') ?? '').trim(), password: String(form.get('password') ?? '') };
    login.mutate(credentials, {
      onSuccess: () => navigate(next, { replace: true }),
    });
  };

  return (
    <main id="main" className="login">
      <form className="card login-form" aria-labelledby={titleId} onSubmit={submit}>
        <h1 id={titleId}>Sign in to Tradehook</h1>
        <label>
          Username
          <input name="username" autoComplete="username" required autoFocus maxLength={100} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={200} />
        </label>
        {login.error ? (
          <p className="error-text" role="alert">
            {login.error.message}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
