import { useState } from 'react';
import { Link, useParams } from 'wouter';
import { Alert } from '../../../components/ui/alert';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { Pagination } from '../../../components/ui/pagination';
import { formatDate } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { POSTS_PAGE_SIZE, useDepartmentPosts } from '../api/list-department-posts';
import { useDepartments } from '../api/list-departments';
import { idFromPath } from '../id-from-path';
import { boardsMessages } from '../messages';

function BoardPosts({ departmentId }: { departmentId: number }) {
  const t = useMessages(boardsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const [page, setPage] = useState(1);
  const departments = useDepartments();
  const posts = useDepartmentPosts(departmentId, page);
  const department = departments.data?.find((d) => d.id === departmentId);
  const name = department?.name ?? posts.data?.items[0]?.department.name;
  return (
    <Page title={name ? t('boardTitle', { department: name }) : t('boardFallbackTitle')}>
      <p>
        <Link href="/student/boards">{t('allBoards')}</Link>
      </p>
      {posts.isPending ? <Loading label={common('loading')} /> : null}
      <ErrorAlert error={posts.error} />
      {posts.data?.total === 0 ? <p>{t('noPosts')}</p> : null}
      {posts.data && posts.data.total > 0 ? (
        <>
          <div className="table-wrap">
            <table className="responsive-table">
              <caption className="visually-hidden">{t('postsCaption', { department: name ?? '' })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('colTitle')}</th>
                  <th scope="col">{t('colAuthor')}</th>
                  <th scope="col">{t('colDate')}</th>
                </tr>
              </thead>
              <tbody>
                {posts.data.items.map((post) => (
                  <tr key={post.id}>
                    <td data-label={t('colTitle')}>
                      <Link href={`/student/posts/${post.id}`}>{post.title}</Link>
                    </td>
                    <td data-label={t('colAuthor')}>{post.authorName ?? t('unknownAuthor')}</td>
                    <td data-label={t('colDate')}>{formatDate(post.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {posts.data.total > POSTS_PAGE_SIZE ? (
            <Pagination page={page} pageSize={POSTS_PAGE_SIZE} total={posts.data.total} onPage={setPage} />
          ) : null}
        </>
      ) : null}
    </Page>
  );
}

export function Component() {
  const t = useMessages(boardsMessages);
  const { departmentId } = useParams<{ departmentId: string }>();
  const id = idFromPath(departmentId);
  if (id === undefined) {
    return (
      <Page title={t('boardFallbackTitle')}>
        <Alert tone="error">{t('invalidId')}</Alert>
        <Link href="/student/boards">{t('allBoards')}</Link>
      </Page>
    );
  }
  return <BoardPosts key={id} departmentId={id} />;
}
