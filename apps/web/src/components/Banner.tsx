import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'info';

/** A page-wide notice. Errors and warnings are announced by screen readers as they appear. */
export function Banner({ tone, title, children }: { tone: Tone; title: string; children?: ReactNode }) {
  return (
    <div className={`banner banner-${tone}`} role={tone === 'info' ? 'status' : 'alert'}>
      <strong>{title}</strong>
      {children ? <span> {children}</span> : null}
    </div>
  );
}
