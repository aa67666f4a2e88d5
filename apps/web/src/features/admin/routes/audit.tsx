import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTimeSeconds } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useAuditEntries } from '../api/list-audit-entries';
import type { AuditQuery } from '../api/list-audit-entries';
import { auditMessages } from '../messages/audit';

const PAGE_SIZE = 50;
const ROLES = ['admin', 'student', 'system', 'anonymous'] as const;
type Role = (typeof ROLES)[number];

function isRole(value: string | null): value is Role {
  return ROLES.includes(value as Role);
}

/** The filters and page live in the address: a registrar can send a colleague the same view. */
function queryFromSearch(search: URLSearchParams): AuditQuery {
  const page = Number(search.get('page'));
  const actorId = Number(search.get('actorId'));
  const role = search.get('actorRole');
  const action = search.get('action')?.trim();
  const target = search.get('target')?.trim();
  return {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    ...(action ? { action } : {}),
    ...(isRole(role) ? { actorRole: role } : {}),
    ...(Number.isInteger(actorId) && actorId > 0 ? { actorId } : {}),
    ...(target ? { target } : {}),
  };
}

function searchFromQuery(query: Omit<AuditQuery, 'pageSize'>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '' && !(key === 'page' && value === 1))
      params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

export function Component() {
  const t = useMessages(auditMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [, navigate] = useLocation();
  const query = queryFromSearch(new URLSearchParams(useSearch()));
  const entries = useAuditEntries(query);
  const [action, setAction] = useState(query.action ?? '');
  const [actorRole, setActorRole] = useState<string>(query.actorRole ?? '');
  const [actorId, setActorId] = useState(query.actorId ? String(query.actorId) : '');
  const [target, setTarget] = useState(query.target ?? '');
  const [actorIdError, setActorIdError] = useState<string | undefined>();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const id = actorId.trim() === '' ? undefined : Number(actorId);
    if (id !== undefined && (!Number.isInteger(id) || id < 1)) {
      setActorIdError(t('actorIdInvalid'));
      return;
    }
    setActorIdError(undefined);
    navigate(
      searchFromQuery({
        page: 1,
        action: action.trim() || undefined,
        actorRole: isRole(actorRole) ? actorRole : undefined,
        actorId: id,
        target: target.trim() || undefined,
      }),
    );
  };
  const reset = () => {
    setAction('');
    setActorRole('');
    setActorId('');
    setTarget('');
    setActorIdError(undefined);
    navigate('/admin/audit');
  };

  return (
    <Page title={t('title')}>
      <form className="card" aria-label={t('filters')} onSubmit={onSubmit} noValidate>
        <div className="form-row">
          <TextField
            label={t('action')}
            hint={t('actionHint')}
            value={action}
            maxLength={64}
            onChange={(e) => setAction(e.target.value)}
          />
          <SelectField
            label={t('actorRole')}
            value={actorRole}
            onChange={(e) => setActorRole(e.target.value)}
          >
            <option value="">{t('anyRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role_${r}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('actorId')}
            inputMode="numeric"
            value={actorId}
            error={actorIdError}
            onChange={(e) => setActorId(e.target.value)}
          />
          <TextField
            label={t('target')}
            hint={t('targetHint')}
            value={target}
            maxLength={128}
            onChange={(e) => setTarget(e.target.value)}
          />
        </div>
        <div className="form-row">
          <Button type="submit">{t('apply')}</Button>
          <Button variant="secondary" onClick={reset}>
            {t('reset')}
          </Button>
        </div>
      </form>
      <ErrorAlert error={entries.error} />
      {entries.isPending ? <Loading label={common('loading')} /> : null}
      {entries.data ? (
        <>
          <p className="muted" role="status">
            {t('total', { total: entries.data.total })}
          </p>
          {entries.data.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colAt')}</th>
                    <th scope="col">{t('colActor')}</th>
                    <th scope="col">{t('colAction')}</th>
                    <th scope="col">{t('colTarget')}</th>
                    <th scope="col">{t('colOutcome')}</th>
                    <th scope="col">{t('colRequest')}</th>
                    <th scope="col">{t('colDetail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.data.items.map((e) => (
                    <tr key={e.id}>
                      <td data-label={t('colAt')}>{formatDateTimeSeconds(e.at, locale)}</td>
                      <td data-label={t('colActor')}>
                        {e.actorId === null
                          ? t(`role_${e.actorRole}`)
                          : t('actor', { role: t(`role_${e.actorRole}`), id: e.actorId })}
                      </td>
                      <td data-label={t('colAction')}>
                        <code>{e.action}</code>
                      </td>
                      <td data-label={t('colTarget')}>
                        <code>{e.target}</code>
                      </td>
                      <td data-label={t('colOutcome')}>
                        {e.outcome === 'ok' ? t('ok') : <span className="badge">{e.outcome}</span>}
                      </td>
                      <td data-label={t('colRequest')}>{e.requestId ?? t('none')}</td>
                      <td data-label={t('colDetail')}>
                        {e.detail ? <code>{JSON.stringify(e.detail)}</code> : t('none')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination
            page={query.page}
            pageSize={PAGE_SIZE}
            total={entries.data.total}
            onPage={(page) => navigate(searchFromQuery({ ...query, page }))}
          />
        </>
      ) : null}
    </Page>
  );
}
