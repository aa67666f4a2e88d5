import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Alert } from '../../../components/ui/alert';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { newIdempotencyKey } from '../../../lib/api/client';
import { useMessages } from '../../../lib/i18n/i18n';
import { useErrorMessage } from '../../../lib/i18n/use-error-message';
import { useMe } from '../../../lib/session';
import { useAddToCart } from '../api/add-to-cart';
import { CART_QUERY_KEY, getCart } from '../api/get-cart';
import { ENROLLMENTS_QUERY_KEY, listEnrollments } from '../api/list-enrollments';
import { PERIODS_QUERY_KEY, listPeriods } from '../api/list-periods';
import { cartWarnings, findCreditCap } from '../lib/cart-warnings';
import type { CartWarning, HeldSection, Meeting } from '../lib/cart-warnings';
import { catalogMessages } from '../messages';

/** What adding needs to know of a section, from the catalog list or the detail page alike. */
export interface AddableSection {
  id: number;
  number: number;
  subject: { name: string; credits: number };
  meetings: readonly Meeting[];
}

interface Pending {
  section: AddableSection;
  warnings: CartWarning[];
  idempotencyKey: string;
}

// Fresh enough for a check made at the click, without three requests for every click in a row.
const CHECK_STALE_MS = 5_000;

/**
 * Adding to the cart: the time-conflict and credit warnings are worked out and shown first, and
 * the student confirms or cancels; without a warning the section goes straight in. One dialog
 * and one result line per page, however many rows offer the action.
 */
export function useAddToCartFlow(): {
  canAdd: boolean;
  start: (section: AddableSection) => void;
  busyId: number | undefined;
  ui: ReactNode;
} {
  const t = useMessages(catalogMessages);
  const describe = useErrorMessage();
  const announce = useAnnounce();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const mutation = useAddToCart();
  const [checkingId, setCheckingId] = useState<number>();
  const [pending, setPending] = useState<Pending>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<unknown>();
  // Set at the click itself: a second click lands before React re-renders the button as busy.
  const inFlight = useRef(false);

  const add = async ({ section, idempotencyKey }: Omit<Pending, 'warnings'>) => {
    try {
      await mutation.mutateAsync({ sectionId: section.id, idempotencyKey });
      const message = t('added', { name: section.subject.name, n: section.number });
      setDone(message);
      announce(message);
    } catch (e) {
      setError(e);
      announce(describe(e), 'assertive');
    }
  };

  const start = (section: AddableSection) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setDone(undefined);
    setError(undefined);
    setCheckingId(section.id);
    const idempotencyKey = newIdempotencyKey();
    void (async () => {
      try {
        const [enrollments, cart, periods] = await Promise.all([
          queryClient.fetchQuery({
            queryKey: ENROLLMENTS_QUERY_KEY,
            queryFn: listEnrollments,
            staleTime: CHECK_STALE_MS,
          }),
          queryClient.fetchQuery({ queryKey: CART_QUERY_KEY, queryFn: getCart, staleTime: CHECK_STALE_MS }),
          queryClient.fetchQuery({
            queryKey: PERIODS_QUERY_KEY,
            queryFn: listPeriods,
            staleTime: CHECK_STALE_MS,
          }),
        ]);
        const held = (items: typeof cart.items | typeof enrollments.items): HeldSection[] =>
          items.map((i) => ({
            sectionId: i.sectionId,
            sectionNumber: i.sectionNumber,
            subjectName: i.subject.name,
            credits: i.credits,
            meetings: i.meetings,
          }));
        const warnings = cartWarnings({
          candidate: {
            sectionId: section.id,
            credits: section.subject.credits,
            meetings: section.meetings,
          },
          enrolled: held(enrollments.items),
          cart: held(cart.items),
          maxCredits: findCreditCap(periods, me?.year),
        });
        if (warnings.length === 0) await add({ section, idempotencyKey });
        else setPending({ section, warnings, idempotencyKey });
      } catch (e) {
        setError(e);
        announce(describe(e), 'assertive');
      } finally {
        setCheckingId(undefined);
        inFlight.current = false;
      }
    })();
  };

  const confirm = () => {
    if (!pending || inFlight.current) return;
    inFlight.current = true;
    setPending(undefined);
    void add(pending).finally(() => {
      inFlight.current = false;
    });
  };

  const ui = (
    <>
      {done ? <Alert tone="success">{done}</Alert> : null}
      <ErrorAlert error={error} />
      <Dialog open={pending !== undefined} title={t('warningTitle')} onClose={() => setPending(undefined)}>
        {pending ? (
          <>
            <p>{t('detailTitle', { name: pending.section.subject.name, n: pending.section.number })}</p>
            <ul className="cart-warnings">
              {pending.warnings.map((w) => (
                <li key={w.kind === 'conflict' ? `c-${w.subjectName}-${w.sectionNumber}` : 'credits'}>
                  {w.kind === 'conflict'
                    ? t('warningConflict', { name: w.subjectName, n: w.sectionNumber })
                    : t('warningCredits', { total: w.total, max: w.max })}
                </li>
              ))}
            </ul>
            <p className="muted">{t('warningHint')}</p>
            <div className="form-actions">
              <Button onClick={confirm}>{t('confirmAdd')}</Button>
              <Button variant="secondary" onClick={() => setPending(undefined)}>
                {t('cancel')}
              </Button>
            </div>
          </>
        ) : null}
      </Dialog>
    </>
  );

  return {
    canAdd: me?.role === 'student',
    start,
    busyId: checkingId ?? (mutation.isPending ? mutation.variables.sectionId : undefined),
    ui,
  };
}
