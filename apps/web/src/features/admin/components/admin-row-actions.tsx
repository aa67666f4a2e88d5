import { Button } from '../../../components/ui/button';

export interface RowAction {
  label: string;
  onClick: () => void;
  variant?: 'secondary' | 'danger';
}

/**
 * A table row's buttons (수정, 삭제, ...). Each button's accessible name also names the row
 * ("삭제: 컴퓨터공학과"), so a screen reader user moving between buttons knows which row they act on.
 */
export function AdminRowActions({ subject, actions }: { subject: string; actions: readonly RowAction[] }) {
  return (
    <div className="admin-row-actions">
      {actions.map((action) => (
        <Button
          key={action.label}
          variant={action.variant ?? 'secondary'}
          aria-label={`${action.label}: ${subject}`}
          onClick={action.onClick}
        >
          {action.label}
        </Button>
      ))}
    </div>
  );
}
