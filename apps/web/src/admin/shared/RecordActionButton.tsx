import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  type RaRecord,
} from 'react-admin';
import type { AdminDataProvider } from '../data-provider';

interface Props<Result> {
  /** The access action this is (a viewer may not): e.g. "resend". */
  action: string;
  label: string;
  /** Records this applies to (e.g. only working orders); others show no button. */
  appliesTo: (record: RaRecord) => boolean;
  confirmTitle: string;
  confirmContent: (record: RaRecord) => ReactNode;
  run: (dataProvider: AdminDataProvider, record: RaRecord) => Promise<Result>;
  /** What to tell the user when it worked. */
  done: (result: Result, record: RaRecord) => { message: string; type?: 'success' | 'info' | 'warning' };
}

/**
 * A console action on one record (resend, cancel, rotate): hidden from who may not do it and for records it does
 * not apply to, confirmed first, then run through the data provider with a notification either way.
 */
export function RecordActionButton<Result>({ action, label, appliesTo, confirmTitle, confirmContent, run, done }: Props<Result>) {
  const record = useRecordContext();
  const resource = useResourceContext();
  const { canAccess } = useCanAccess({ action, resource, record });
  const dataProvider = useDataProvider<AdminDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [confirming, setConfirming] = useState(false);

  const mutation = useMutation({
    mutationFn: (target: RaRecord) => run(dataProvider, target),
    onSuccess: (result, target) => {
      const { message, type = 'success' } = done(result, target);
      notify(message, { type });
      refresh();
    },
    onError: (error: Error) => notify(error.message, { type: 'error' }),
    onSettled: () => setConfirming(false),
  });

  if (!record || !canAccess || !appliesTo(record)) return null;
  return (
    <>
      <Button label={label} onClick={() => setConfirming(true)} disabled={mutation.isPending} />
      <Confirm
        isOpen={confirming}
        loading={mutation.isPending}
        title={confirmTitle}
        content={confirmContent(record)}
        confirm={label}
        onConfirm={() => mutation.mutate(record)}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
