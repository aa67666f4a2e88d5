import { Button } from './button';

interface PaginationProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  labels: { nav: string; previous: string; next: string; status: string };
}

/** Previous / next with "3 / 12" between; `labels.status` may use {page} and {pages}. */
export function Pagination({ page, pageSize, total, onPage, labels }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={labels.nav}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {labels.previous}
      </Button>
      <span aria-live="polite">
        {labels.status.replace('{page}', String(page)).replace('{pages}', String(pages))}
      </span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        {labels.next}
      </Button>
    </nav>
  );
}
