import { Link, useParams } from 'wouter';
import { Alert } from '../../../components/ui/alert';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { Loading } from '../../../components/ui/loading';
import { Page } from '../../../components/ui/page';
import { formatDateTime } from '../../../lib/format';
import { commonMessages } from '../../../lib/i18n/common-messages';
import { useLocale, useMessages } from '../../../lib/i18n/i18n';
import { usePost } from '../api/get-post';
import { idFromPath } from '../id-from-path';
import { boardsMessages } from '../messages';
import '../boards.css';

function PostView({ postId }: { postId: number }) {
  const t = useMessages(boardsMessages);
  const common = useMessages(commonMessages);
  const { locale } = useLocale();
  const post = usePost(postId);
  if (post.isPending) return <Loading label={common('loading')} />;
  if (!post.data) {
    return (
      <Page title={common('errorTitle')}>
        <ErrorAlert error={post.error} />
        <Link href="/student/boards">{t('allBoards')}</Link>
      </Page>
    );
  }
  const p = post.data;
  return (
    <Page title={p.title}>
      <p className="muted">
        {p.department.name} · {p.authorName ?? t('unknownAuthor')} ·{' '}
        {t('postedAt', { date: formatDateTime(p.createdAt, locale) })}
        {p.updatedAt !== p.createdAt
          ? ` · ${t('updatedAt', { date: formatDateTime(p.updatedAt, locale) })}`
          : ''}
      </p>
      <article className="card post-body">{p.body}</article>
      <p>
        <Link href={`/student/boards/${p.department.id}`}>
          {t('backToBoard', { department: p.department.name })}
        </Link>
      </p>
    </Page>
  );
}

export function Component() {
  const t = useMessages(boardsMessages);
  const { postId } = useParams<{ postId: string }>();
  const id = idFromPath(postId);
  if (id === undefined) {
    return (
      <Page title={t('boardFallbackTitle')}>
        <Alert tone="error">{t('invalidId')}</Alert>
        <Link href="/student/boards">{t('allBoards')}</Link>
      </Page>
    );
  }
  return <PostView key={id} postId={id} />;
}
