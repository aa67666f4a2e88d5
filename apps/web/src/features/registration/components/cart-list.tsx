import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { formatMeetings } from '../../../lib/format';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useCart } from '../api/get-cart';
import { registrationMessages } from '../messages';
import { RegisterButton } from './register-button';
import type { RegisterActions } from './register-button';

export function CartList({ actions }: { actions: RegisterActions }) {
  const t = useMessages(registrationMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const cart = useCart();
  return (
    <section className="card" aria-labelledby="cart-heading">
      <h2 id="cart-heading">{t('cartHeading')}</h2>
      {cart.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={cart.error} />
      {cart.data && cart.data.items.length === 0 ? <p className="muted">{t('cartEmpty')}</p> : null}
      {cart.data && cart.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="responsive-table" aria-labelledby="cart-heading">
            <thead>
              <tr>
                <th scope="col">{t('colCode')}</th>
                <th scope="col">{t('colSubject')}</th>
                <th scope="col">{t('colNumber')}</th>
                <th scope="col" className="num">
                  {t('colCredits')}
                </th>
                <th scope="col">{t('colMeetings')}</th>
                <th scope="col" className="num">
                  {t('colSeats')}
                </th>
                <th scope="col">{t('colAction')}</th>
              </tr>
            </thead>
            <tbody>
              {cart.data.items.map((item) => (
                <tr key={item.sectionId}>
                  <td data-label={t('colCode')}>{item.subject.code}</td>
                  <td data-label={t('colSubject')}>{item.subject.name}</td>
                  <td data-label={t('colNumber')}>{item.sectionNumber}</td>
                  <td data-label={t('colCredits')} className="num">
                    {item.credits}
                  </td>
                  <td data-label={t('colMeetings')}>{formatMeetings(item.meetings, locale)}</td>
                  <td data-label={t('colSeats')} className="num">
                    {t('seats', { enrolled: item.enrolled, capacity: item.capacity })}
                  </td>
                  <td data-label={t('colAction')}>
                    <RegisterButton
                      actions={actions}
                      target={{
                        sectionId: item.sectionId,
                        subjectCode: item.subject.code,
                        subjectName: item.subject.name,
                        number: item.sectionNumber,
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
