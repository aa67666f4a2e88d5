import { useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useAnnounce } from '../../../components/ui/announcer';
import { Button } from '../../../components/ui/button';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { useCreatePost } from '../api/create-post';
import { useDeletePost } from '../api/delete-post';
import { POSTS_PAGE_SIZE, usePostDepartments, usePosts } from '../api/list-posts';
import type { AdminPost } from '../api/list-posts';
import { useUpdatePost } from '../api/update-post';
import { postsMessages } from '../messages/posts';
import { AdminConfirmDialog } from '../components/admin-confirm-dialog';

function PostForm({
  departmentId,
  departmentName,
  post,
  onDone,
}: {
  departmentId: number;
  departmentName: string;
  post?: AdminPost;
  onDone: () => void;
}) {
  const t = useMessages(postsMessages);
  const announce = useAnnounce();
  const create = useCreatePost();
  const update = useUpdatePost();
  const mutation = post ? update : create;
  const [title, setTitle] = useState(post?.title ?? '');
  const [body, setBody] = useState(post?.body ?? '');
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    ...(title.trim() === '' ? { title: t('titleRequired') } : {}),
    ...(body.trim() === '' ? { body: t('bodyRequired') } : {}),
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (errors.title || errors.body) {
      announce(Object.values(errors).join(' '), 'assertive');
      return;
    }
    const payload = { title: title.trim(), body };
    const done = () => {
      announce(t(post ? 'saved' : 'created', { title: payload.title }));
      onDone();
    };
    if (post) update.mutate({ id: post.id, body: payload }, { onSuccess: done });
    else create.mutate({ departmentId, body: payload }, { onSuccess: done });
  };
  return (
    <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="post-form-title">
      <h2 id="post-form-title">
        {post ? t('editTitle', { title: post.title }) : t('createTitle', { department: departmentName })}
      </h2>
      <TextField
        label={t('fieldTitle')}
        value={title}
        required
        maxLength={100}
        error={submitted ? errors.title : undefined}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={t('fieldBody')}
        value={body}
        required
        rows={6}
        error={submitted ? errors.body : undefined}
        onChange={(e) => setBody(e.target.value)}
      />
      <ErrorAlert error={mutation.error} />
      <div className="form-row">
        <Button type="submit" busy={mutation.isPending}>
          {post ? t('save') : t('create')}
        </Button>
        {post ? (
          <Button variant="secondary" onClick={onDone}>
            {t('cancelEdit')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** The chosen department lives in the address (?departmentId=), so a reload keeps the board. */
export function Component() {
  const t = useMessages(postsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const announce = useAnnounce();
  const [, navigate] = useLocation();
  const raw = Number(new URLSearchParams(useSearch()).get('departmentId'));
  const departmentId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const departments = usePostDepartments();
  const department = departments.data?.find((d) => d.id === departmentId);
  const [page, setPage] = useState(1);
  const posts = usePosts(departmentId, page);
  const remove = useDeletePost();
  const [editing, setEditing] = useState<AdminPost | undefined>();
  const [formKey, setFormKey] = useState(0);
  const [deleting, setDeleting] = useState<AdminPost | undefined>();
  const resetForm = () => {
    setEditing(undefined);
    setFormKey((k) => k + 1);
  };

  return (
    <Page title={t('title')}>
      <SelectField
        label={t('department')}
        value={departmentId ?? ''}
        onChange={(e) => {
          resetForm();
          setPage(1);
          navigate(e.target.value ? `/admin/posts?departmentId=${e.target.value}` : '/admin/posts', {
            replace: true,
          });
        }}
      >
        <option value="">{t('chooseDepartment')}</option>
        {departments.data?.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </SelectField>
      <ErrorAlert error={departments.error ?? posts.error} />
      {!departmentId ? <p>{t('pickFirst')}</p> : null}
      {departmentId && department ? (
        <>
          <PostForm
            key={editing ? `edit-${editing.id}` : `new-${departmentId}-${formKey}`}
            departmentId={departmentId}
            departmentName={department.name}
            post={editing}
            onDone={resetForm}
          />
          <h2>{t('listTitle', { department: department.name })}</h2>
          {posts.isPending ? <Loading label={common('loading')} /> : null}
          {posts.data && posts.data.items.length === 0 ? <p>{t('empty')}</p> : null}
          {posts.data && posts.data.items.length > 0 ? (
            <>
              <div className="table-wrap">
                <table className="responsive-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('colTitle')}</th>
                      <th scope="col">{t('colAuthor')}</th>
                      <th scope="col">{t('colCreated')}</th>
                      <th scope="col">{t('colActions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {posts.data.items.map((p) => (
                      <tr key={p.id}>
                        <td data-label={t('colTitle')}>{p.title}</td>
                        <td data-label={t('colAuthor')}>{p.authorName ?? t('noAuthor')}</td>
                        <td data-label={t('colCreated')}>{formatDateTime(p.createdAt, locale)}</td>
                        <td data-label={t('colActions')}>
                          <Button variant="link" onClick={() => setEditing(p)}>
                            {t('edit', { title: p.title })}
                          </Button>
                          <Button variant="link" onClick={() => setDeleting(p)}>
                            {t('delete', { title: p.title })}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination page={page} pageSize={POSTS_PAGE_SIZE} total={posts.data.total} onPage={setPage} />
            </>
          ) : null}
        </>
      ) : null}
      {deleting ? (
        <AdminConfirmDialog
          title={t('deleteTitle')}
          confirmLabel={t('deleteConfirm')}
          busy={remove.isPending}
          error={remove.error}
          onClose={() => setDeleting(undefined)}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                if (editing?.id === deleting.id) resetForm();
                setDeleting(undefined);
                announce(t('deleted'));
              },
            })
          }
        >
          <p>{t('deleteBody', { title: deleting.title })}</p>
        </AdminConfirmDialog>
      ) : null}
    </Page>
  );
}
