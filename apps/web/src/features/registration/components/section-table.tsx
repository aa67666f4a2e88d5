import type { ReactNode } from 'react';
import { formatMeetings } from '../../../lib/format';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import type { CatalogSection } from '../api/search-sections';
import { registrationMessages } from '../messages';

/** Catalog sections with one action cell each (search results, SECTION_FULL alternatives). */
export function SectionTable({
  sections,
  labelledBy,
  action,
}: {
  sections: readonly CatalogSection[];
  labelledBy: string;
  action: (section: CatalogSection) => ReactNode;
}) {
  const t = useMessages(registrationMessages);
  const { locale } = useLocale();
  return (
    <div className="table-wrap">
      <table className="responsive-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('colCode')}</th>
            <th scope="col">{t('colSubject')}</th>
            <th scope="col">{t('colNumber')}</th>
            <th scope="col" className="num">
              {t('colCredits')}
            </th>
            <th scope="col">{t('colProfessor')}</th>
            <th scope="col">{t('colMeetings')}</th>
            <th scope="col" className="num">
              {t('colSeats')}
            </th>
            <th scope="col">{t('colAction')}</th>
          </tr>
        </thead>
        <tbody>
          {sections.map((s) => (
            <tr key={s.id}>
              <td data-label={t('colCode')}>{s.subject.code}</td>
              <td data-label={t('colSubject')}>{s.subject.name}</td>
              <td data-label={t('colNumber')}>{s.number}</td>
              <td data-label={t('colCredits')} className="num">
                {s.subject.credits}
              </td>
              <td data-label={t('colProfessor')}>{s.professor?.name ?? t('tba')}</td>
              <td data-label={t('colMeetings')}>{formatMeetings(s.meetings, locale)}</td>
              <td data-label={t('colSeats')} className="num">
                {t('seats', { enrolled: s.enrolled, capacity: s.capacity })}
              </td>
              <td data-label={t('colAction')}>{action(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function targetOf(s: CatalogSection) {
  return { sectionId: s.id, subjectCode: s.subject.code, subjectName: s.subject.name, number: s.number };
}
