import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useMessages } from '../../../lib/i18n/i18n';
import { useSectionSearch } from '../api/search-sections';
import { useDebounced } from '../hooks/use-debounced';
import { registrationMessages } from '../messages';
import { RegisterButton } from './register-button';
import type { RegisterActions } from './register-button';
import { SectionTable, targetOf } from './section-table';

export function SearchList({ actions }: { actions: RegisterActions }) {
  const t = useMessages(registrationMessages);
  const common = useMessages(commonMessages);
  const [q, setQ] = useState('');
  const query = useDebounced(q);
  const search = useSectionSearch(query);
  return (
    <section className="card" aria-labelledby="search-heading">
      <h2 id="search-heading">{t('searchHeading')}</h2>
      <form role="search" aria-labelledby="search-heading" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label={t('searchLabel')}
          hint={t('searchHint')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </form>
      {search.isFetching ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={search.error} />
      {search.data && search.data.length === 0 ? <p className="muted">{t('searchEmpty')}</p> : null}
      {search.data && search.data.length > 0 ? (
        <SectionTable
          sections={search.data}
          labelledBy="search-heading"
          action={(s) => <RegisterButton actions={actions} target={targetOf(s)} />}
        />
      ) : null}
    </section>
  );
}
