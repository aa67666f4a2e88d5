import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useCreateSection } from '../api/create-section';
import { useDeleteSection } from '../api/delete-section';
import { useSection } from '../api/get-section';
import { useSectionRoster } from '../api/get-section-roster';
import { useSectionProfessors, useSectionSubjects } from '../api/list-section-choices';
import type { AdminSection } from '../api/list-sections';
import { useUpdateSection } from '../api/update-section';
import { MeetingsEditor } from '../components/section-edit-meetings';
import { meetingProblems } from '../components/section-edit-meetings-rules';
import type { MeetingRow } from '../components/section-edit-meetings-rules';
import { sectionsMessages } from '../messages/sections';

export function Component() {
  const { sectionId = '' } = useParams<{ sectionId: string }>();
  const id = sectionId === 'new' ? undefined : Number(sectionId);
  const t = useMessages(sectionsMessages);
  const common = useMessages(commonMessages);
  const section = useSection(id !== undefined && Number.isInteger(id) && id > 0 ? id : undefined);
  if (id === undefined) {
    return (
      <Page title={t('newTitle')}>
        <SectionForm />
      </Page>
    );
  }
  if (section.error) {
    return (
      <Page title={t('listTitle')}>
        <ErrorAlert error={section.error} />
        <Link href="/admin/sections">{t('cancel')}</Link>
      </Page>
    );
  }
  if (!section.data) return <Loading label={common('loading')} />;
  return (
    <Page title={t('editTitle', { name: section.data.subject.name, number: section.data.number })}>
      <SectionForm key={section.data.id} section={section.data} />
      <DeleteSection section={section.data} />
      <Roster sectionId={section.data.id} />
    </Page>
  );
}

interface FieldErrors {
  subject?: string;
  capacity?: string;
  meetings?: string;
}

/** One form for create (section undefined) and edit; the subject is fixed once a section exists. */
export function SectionForm({ section }: { section?: AdminSection }) {
  const t = useMessages(sectionsMessages);
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const subjects = useSectionSubjects(undefined);
  const professors = useSectionProfessors();
  const create = useCreateSection();
  const update = useUpdateSection();
  const [subjectId, setSubjectId] = useState(section ? String(section.subject.id) : '');
  const [professorId, setProfessorId] = useState(section?.professor ? String(section.professor.id) : '');
  const [capacity, setCapacity] = useState(String(section?.capacity ?? 30));
  const [rows, setRows] = useState<MeetingRow[]>(() =>
    (section?.meetings ?? [{ day: 'MON' as const, start: '09:00', end: '10:30' }]).map((m, i) => ({
      ...m,
      key: i + 1,
    })),
  );
  const [submitted, setSubmitted] = useState(false);
  const problems = meetingProblems(rows);
  const capacityNumber = Number(capacity);
  const errors: FieldErrors = {
    ...(!section && !subjectId ? { subject: t('subjectRequired') } : {}),
    ...(!Number.isInteger(capacityNumber) || capacityNumber < 1 || capacityNumber > 1000
      ? { capacity: t('capacityInvalid') }
      : {}),
    ...(rows.length === 0
      ? { meetings: t('meetingsRequired') }
      : problems.size > 0
        ? { meetings: t('fixMeetings') }
        : {}),
  };
  const invalid = Object.keys(errors).length > 0;
  const mutation = section ? update : create;
  const formError = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (mutation.error) formError.current?.focus();
  }, [mutation.error]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (invalid) {
      announce(Object.values(errors).join(' '), 'assertive');
      return;
    }
    const meetings = rows.map(({ day, start, end }) => ({ day, start, end }));
    const professor = professorId ? Number(professorId) : null;
    if (section) {
      update.mutate(
        { id: section.id, body: { capacity: capacityNumber, professorId: professor, meetings } },
        { onSuccess: () => announce(t('saved')) },
      );
    } else {
      create.mutate(
        { subjectId: Number(subjectId), professorId: professor, capacity: capacityNumber, meetings },
        {
          onSuccess: (created) => {
            const subject = subjects.data?.find((s) => s.id === Number(subjectId));
            announce(t('created', { name: subject?.name ?? '', number: created.number }));
            navigate(`/admin/sections?subjectId=${subjectId}`);
          },
        },
      );
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      {section ? (
        <p>
          <strong>{t('subject')}:</strong> {section.subject.code} {section.subject.name} (
          {section.subject.department.name})
        </p>
      ) : (
        <SelectField
          label={t('subject')}
          value={subjectId}
          required
          error={submitted ? errors.subject : undefined}
          onChange={(e) => setSubjectId(e.target.value)}
        >
          <option value="">{t('chooseSubject')}</option>
          {subjects.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name} ({s.department.name})
            </option>
          ))}
        </SelectField>
      )}
      <SelectField
        label={t('professor')}
        value={professorId}
        onChange={(e) => setProfessorId(e.target.value)}
      >
        <option value="">{t('tba')}</option>
        {professors.data?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.department.name})
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('capacity')}
        type="number"
        inputMode="numeric"
        min={1}
        max={1000}
        required
        value={capacity}
        hint={t('capacityHint')}
        error={submitted ? errors.capacity : undefined}
        onChange={(e) => setCapacity(e.target.value)}
      />
      <MeetingsEditor rows={rows} onChange={setRows} problems={problems} showProblems={submitted} />
      {submitted && errors.meetings ? (
        <p className="field-error" role="alert">
          {errors.meetings}
        </p>
      ) : null}
      <div ref={formError} tabIndex={-1}>
        <ErrorAlert error={mutation.error} />
      </div>
      <div className="form-row">
        <Button type="submit" busy={mutation.isPending}>
          {section ? t('save') : t('create')}
        </Button>
        <Link href="/admin/sections">{t('cancel')}</Link>
      </div>
    </form>
  );
}

function DeleteSection({ section }: { section: AdminSection }) {
  const t = useMessages(sectionsMessages);
  const common = useMessages(commonMessages);
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const remove = useDeleteSection();
  const params = { name: section.subject.name, number: section.number };
  return (
    <>
      <p>
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t('delete')}
        </Button>
      </p>
      <Dialog open={open} title={t('deleteTitle')} onClose={() => setOpen(false)}>
        <p>{t('deleteBody', params)}</p>
        <ErrorAlert error={remove.error} />
        <div className="form-row">
          <Button
            variant="danger"
            busy={remove.isPending}
            onClick={() =>
              remove.mutate(section.id, {
                onSuccess: () => {
                  announce(t('deleted'));
                  navigate('/admin/sections');
                },
              })
            }
          >
            {t('deleteConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {common('cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

function Roster({ sectionId }: { sectionId: number }) {
  const t = useMessages(sectionsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const roster = useSectionRoster(sectionId);
  const ref = useRef<HTMLElement>(null);
  const loaded = roster.data !== undefined;
  // The list's roster link lands here (#roster); the section only exists once the page has loaded.
  useEffect(() => {
    if (loaded && globalThis.location?.hash === '#roster') ref.current?.scrollIntoView();
  }, [loaded]);
  return (
    <section ref={ref} id="roster" aria-labelledby="roster-title" className="roster-tables">
      <h2 id="roster-title">{t('rosterTitle')}</h2>
      <ErrorAlert error={roster.error} />
      {roster.isPending ? <Loading label={common('loading')} /> : null}
      {roster.data ? (
        <>
          <h3>{t('rosterEnrolled', { count: roster.data.enrolled.length })}</h3>
          {roster.data.enrolled.length === 0 ? (
            <p className="muted">{t('rosterEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colStudentNo')}</th>
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colDepartment')}</th>
                    <th scope="col">{t('colYear')}</th>
                    <th scope="col">{t('colAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {roster.data.enrolled.map((e) => (
                    <tr key={e.studentId}>
                      <td data-label={t('colStudentNo')}>{e.studentNo}</td>
                      <td data-label={t('colName')}>{e.name}</td>
                      <td data-label={t('colDepartment')}>{e.department.name}</td>
                      <td data-label={t('colYear')}>{e.year}</td>
                      <td data-label={t('colAt')}>{formatDateTime(e.enrolledAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t('rosterWaitlist', { count: roster.data.waitlist.length })}</h3>
          {roster.data.waitlist.length === 0 ? (
            <p className="muted">{t('rosterEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table className="responsive-table">
                <thead>
                  <tr>
                    <th scope="col">{t('colPosition')}</th>
                    <th scope="col">{t('colStudentNo')}</th>
                    <th scope="col">{t('colName')}</th>
                    <th scope="col">{t('colDepartment')}</th>
                    <th scope="col">{t('colYear')}</th>
                    <th scope="col">{t('colJoinedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {roster.data.waitlist.map((w) => (
                    <tr key={w.studentId}>
                      <td data-label={t('colPosition')}>{w.position}</td>
                      <td data-label={t('colStudentNo')}>{w.studentNo}</td>
                      <td data-label={t('colName')}>{w.name}</td>
                      <td data-label={t('colDepartment')}>{w.department.name}</td>
                      <td data-label={t('colYear')}>{w.year}</td>
                      <td data-label={t('colJoinedAt')}>{formatDateTime(w.joinedAt, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </section>
  );
}
