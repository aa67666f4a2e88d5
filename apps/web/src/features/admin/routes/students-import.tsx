import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link } from 'wouter';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Page } from '../../../components/ui/page';
import { useAnnounce } from '../../../components/ui/announcer';
import { useMessages } from '../../../lib/i18n/i18n';
import { useImportStudents } from '../api/import-students';
import { downloadText } from '../components/admin-csv';
import { StudentsImportResult, rowErrorsOf } from '../components/students-import-result';
import { studentsImportTemplate } from '../components/students-import-template';
import { studentsImportMessages } from '../messages/students-import';

export function Component() {
  const t = useMessages(studentsImportMessages);
  const announce = useAnnounce();
  const upload = useImportStudents();
  const [file, setFile] = useState<File | undefined>();
  const [missing, setMissing] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMissing(!file);
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (result) => announce(t('createdSummary', { count: result.created })),
      onError: (error) => {
        const rows = rowErrorsOf(error);
        if (rows.length > 0) announce(t('failedSummary', { count: rows.length }), 'assertive');
      },
    });
  }

  return (
    <Page
      title={t('title')}
      actions={
        <Link href="/admin/students" className="btn btn-link">
          {t('back')}
        </Link>
      }
    >
      <section className="card" aria-labelledby="import-how">
        <h2 id="import-how">{t('howHeading')}</h2>
        <p>{t('how')}</p>
        <Button
          variant="secondary"
          onClick={() => downloadText('students-template.csv', studentsImportTemplate())}
        >
          {t('template')}
        </Button>
      </section>
      <form className="card" noValidate onSubmit={submit}>
        <TextField
          label={t('file')}
          type="file"
          accept=".csv,text/csv"
          hint={t('fileHint')}
          error={missing ? t('chooseFile') : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0]);
            setMissing(false);
            upload.reset();
          }}
        />
        <div className="form-actions">
          <Button type="submit" busy={upload.isPending}>
            {t('upload')}
          </Button>
        </div>
      </form>
      <StudentsImportResult result={upload.data} error={upload.error} />
    </Page>
  );
}
