/**
 * The outcome of the last action on a page. The live region stays mounted (a region inserted
 * together with its text is often not read out); only its text changes.
 */
export function AdminStatus({ message }: { message: string }) {
  return (
    <div role="status" className={message ? 'alert alert-success' : undefined}>
      {message}
    </div>
  );
}
