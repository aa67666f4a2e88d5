import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api/api-error';
import { useMessages } from '../../../lib/i18n/i18n';
import { useErrorMessage } from '../../../lib/i18n/use-error-message';
import type { ImportResult } from '../api/import-students';
import { studentsImportMessages } from '../messages/students-import';
import { downloadText, toCsvText } from './admin-csv';
import './admin-pages.css';

interface RowError {
  row: number;
  errors: string[];
}

/** The per-row problems a refused import names in error.details.rows, if it names any. */
export function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  const rows = error.details.rows;
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r): r is RowError =>
      typeof r === 'object' &&
      r !== null &&
      typeof (r as RowError).row === 'number' &&
      Array.isArray((r as RowError).errors),
  );
}

/**
 * What an import did, row by row: the 학번 and initial password issued for each line of the file,
 * or, when the server refused the file, each bad line with its problems (nothing was written).
 */
export function StudentsImportResult({ result, error }: { result?: ImportResult; error?: unknown }) {
  const t = useMessages(studentsImportMessages);
  const describe = useErrorMessage();
  if (result) {
    return (
      <section aria-labelledby="import-result">
        <h2 id="import-result">{t('resultHeading')}</h2>
        {/* Not a live region: the page announces the outcome once, through the app's announcer. */}
        <p className="alert alert-success">{t('createdSummary', { count: result.created })}</p>
        <Button
          variant="secondary"
          onClick={() =>
            downloadText(
              'students-imported.csv',
              toCsvText([
                ['row', 'studentNo', 'initialPassword'],
                ...result.rows.map((r) => [r.row, r.studentNo, r.initialPassword]),
              ]),
            )
          }
        >
          {t('downloadResult')}
        </Button>
        <div className="table-wrap">
          <table className="responsive-table">
            <caption>{t('resultCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('row')}</th>
                <th scope="col">{t('result')}</th>
                <th scope="col">{t('studentNo')}</th>
                <th scope="col">{t('initialPassword')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.row}>
                  <th scope="row" className="num" data-label={t('row')}>
                    {r.row}
                  </th>
                  <td data-label={t('result')}>
                    <span className="badge badge-open">{t('rowCreated')}</span>
                  </td>
                  <td data-label={t('studentNo')}>{r.studentNo}</td>
                  <td data-label={t('initialPassword')}>
                    <code>{r.initialPassword}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  if (!error) return null;
  const rows = rowErrorsOf(error);
  if (rows.length === 0) {
    // A problem with the whole file (header, encoding, size): the server's own words name it.
    return (
      <Alert tone="error">
        <p>{describe(error)}</p>
        {error instanceof ApiError && error.message ? <p>{error.message}</p> : null}
      </Alert>
    );
  }
  return (
    <section aria-labelledby="import-result">
      <h2 id="import-result">{t('resultHeading')}</h2>
      <p className="alert alert-error">{t('failedSummary', { count: rows.length })}</p>
      <div className="table-wrap">
        <table className="responsive-table">
          <caption>{t('resultCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('row')}</th>
              <th scope="col">{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row}>
                <th scope="row" className="num" data-label={t('row')}>
                  {r.row}
                </th>
                <td data-label={t('result')} className="admin-row-error">
                  <span className="badge badge-full">{t('rowFailed')}</span>
                  <ul>
                    {r.errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
