import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { Alert } from '../../../components/ui/alert';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { ApiError } from '../../../lib/api/api-error';
import type { ClientErrorCode } from '../../../lib/api/api-error';
import { newIdempotencyKey } from '../../../lib/api/client';
import { formatMeetings } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useErrorMessage } from '../../../lib/i18n/use-error-message';
import { useCheckOutCart } from '../api/check-out-cart';
import type { CheckoutResult } from '../api/check-out-cart';
import { useCart } from '../api/get-cart';
import type { CartItem } from '../api/get-cart';
import { useRemoveFromCart } from '../api/remove-from-cart';
import { cartMessages } from '../messages';
import '../cart.css';

interface ResultLine {
  sectionId: number;
  label: string;
  ok: boolean;
  text: string;
}

/** A per-item refusal as the same sentence a single registration would show. */
function asApiError(code: string, message: string, details: Record<string, unknown> = {}): ApiError {
  return new ApiError(409, code as ClientErrorCode, message, details);
}

export function Component() {
  const t = useMessages(cartMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const describe = useErrorMessage();
  const announce = useAnnounce();
  const cart = useCart();
  const remove = useRemoveFromCart();
  const checkout = useCheckOutCart();
  const [results, setResults] = useState<ResultLine[]>();
  const [summary, setSummary] = useState<string>();
  const [notice, setNotice] = useState<string>();
  // Set at the press itself: a second click lands before React re-renders the button as busy.
  const checkingOut = useRef(false);

  const labelOf = (item: Pick<CartItem, 'subject' | 'sectionNumber'>) =>
    t('itemLabel', { name: item.subject.name, n: item.sectionNumber });

  const onRemove = (item: CartItem) => {
    setNotice(undefined);
    remove.mutate(
      { sectionId: item.sectionId, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: () => {
          const message = t('removed', { name: item.subject.name, n: item.sectionNumber });
          setNotice(message);
          announce(message);
        },
        onError: (e) => announce(describe(e), 'assertive'),
      },
    );
  };

  const onCheckout = (items: readonly CartItem[]) => {
    if (checkingOut.current) return;
    checkingOut.current = true;
    setResults(undefined);
    setSummary(undefined);
    setNotice(undefined);
    // Named from the cart as it was at the press: the list may change once results come back.
    const names = new Map(items.map((i) => [i.sectionId, labelOf(i)]));
    checkout.mutate(
      { idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (outcome: CheckoutResult) => {
          const lines = outcome.results.map((r) => ({
            sectionId: r.sectionId,
            label: names.get(r.sectionId) ?? t('unknownSection', { id: r.sectionId }),
            ok: r.ok,
            text: r.ok
              ? t('resultOk')
              : describe(
                  asApiError(r.error?.code ?? 'UNKNOWN_ERROR', r.error?.message ?? '', r.error?.details),
                ),
          }));
          const line = t('resultsSummary', { ok: outcome.enrolled, failed: outcome.failed });
          setResults(lines);
          setSummary(line);
          announce(
            [line, ...lines.map((l) => `${l.label}: ${l.text}`)].join(' '),
            outcome.failed > 0 ? 'assertive' : 'polite',
          );
        },
        onError: (e) => announce(describe(e), 'assertive'),
        onSettled: () => {
          checkingOut.current = false;
        },
      },
    );
  };

  if (cart.isPending) return <Loading label={common('loading')} />;
  if (!cart.data) {
    return (
      <Page title={t('title')}>
        <ErrorAlert error={cart.error} />
      </Page>
    );
  }

  const { items, totalCredits } = cart.data;
  const byId = new Map(items.map((i) => [i.sectionId, i]));
  const warningText = (w: CartItem['warnings'][number]) => {
    const other = w.sectionId !== undefined ? byId.get(w.sectionId) : undefined;
    const details = other ? { subjectName: other.subject.name, sectionNumber: other.sectionNumber } : {};
    return describe(asApiError(w.code, w.message, details));
  };

  return (
    <Page title={t('title')}>
      <ErrorAlert error={remove.error ?? checkout.error} />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {results && summary ? (
        <section aria-labelledby="results-heading" className="card checkout-results">
          <h2 id="results-heading">{t('resultsTitle')}</h2>
          <p>
            <strong>{summary}</strong>
          </p>
          <ul>
            {results.map((r) => (
              <li key={r.sectionId} className={r.ok ? 'result-ok' : 'result-failed'}>
                <strong>{r.label}</strong>: {r.text}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {items.length === 0 ? (
        <p>
          {t('empty')} <Link href="/sugang/catalog">{t('toCatalog')}</Link>
        </p>
      ) : (
        <>
          <p className="stat">{t('totalCredits', { credits: totalCredits })}</p>
          <div className="table-wrap">
            <table className="responsive-table">
              <caption className="visually-hidden">{t('title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colCode')}</th>
                  <th scope="col">{t('colName')}</th>
                  <th scope="col">{t('colSection')}</th>
                  <th scope="col" className="num">
                    {t('colCredits')}
                  </th>
                  <th scope="col">{t('colProfessor')}</th>
                  <th scope="col">{t('colMeetings')}</th>
                  <th scope="col" className="num">
                    {t('colSeats')}
                  </th>
                  <th scope="col">{t('colWarnings')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.sectionId}>
                    <td data-label={t('colCode')}>{item.subject.code}</td>
                    <td data-label={t('colName')}>
                      <Link href={`/sugang/catalog/${item.sectionId}`}>{item.subject.name}</Link>
                    </td>
                    <td data-label={t('colSection')}>{t('sectionN', { n: item.sectionNumber })}</td>
                    <td data-label={t('colCredits')} className="num">
                      {item.credits}
                    </td>
                    <td data-label={t('colProfessor')}>{item.professor?.name ?? t('tba')}</td>
                    <td data-label={t('colMeetings')}>
                      {item.meetings.length > 0 ? formatMeetings(item.meetings, locale) : t('noMeetings')}
                    </td>
                    <td data-label={t('colSeats')} className="num">
                      {t('seats', { enrolled: item.enrolled, capacity: item.capacity })}
                    </td>
                    <td data-label={t('colWarnings')}>
                      {item.warnings.length === 0 ? (
                        <span className="muted">{t('none')}</span>
                      ) : (
                        <ul className="cart-item-warnings">
                          {item.warnings.map((w) => (
                            <li key={`${w.code}-${w.sectionId ?? ''}`}>{warningText(w)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td data-label={t('colActions')}>
                      <Button
                        variant="secondary"
                        busy={remove.isPending && remove.variables.sectionId === item.sectionId}
                        aria-label={t('removeNamed', { name: item.subject.name, n: item.sectionNumber })}
                        onClick={() => onRemove(item)}
                      >
                        {t('remove')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-actions">
            <Button
              busy={checkout.isPending}
              onClick={() => onCheckout(items)}
              aria-describedby="checkout-hint"
            >
              {t('checkout')}
            </Button>
          </div>
          <p id="checkout-hint" className="muted">
            {t('checkoutHint')}
          </p>
        </>
      )}
    </Page>
  );
}
