import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';

/**
 * A yes/no question before something that cannot be undone. Mounted only while asked: the shared
 * Dialog's heading id is fixed, so two closed dialogs on one page would share it.
 */
export function AdminConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy = false,
  error,
  disabled = false,
  variant = 'danger',
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
  disabled?: boolean;
  variant?: 'danger' | 'primary';
}) {
  const common = useMessages(commonMessages);
  return (
    <Dialog open title={title} onClose={onClose}>
      {children}
      <ErrorAlert error={error} />
      <div className="form-actions">
        <Button variant={variant} busy={busy} disabled={disabled} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {common('cancel')}
        </Button>
      </div>
    </Dialog>
  );
}

/** A form inside the modal dialog (edit screens): the caller's fields, then save and cancel. */
export function AdminFormDialog({
  title,
  children,
  onSubmit,
  onClose,
  busy = false,
  error,
}: {
  title: string;
  children: ReactNode;
  onSubmit: () => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
}) {
  const common = useMessages(commonMessages);
  return (
    <Dialog open title={title} onClose={onClose}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <ErrorAlert error={error} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {common('save')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {common('cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
