import type { Updateable } from 'kysely';
import type { PostsTable } from '@karina/db';
import type { Actor } from '../../platform/actor.js';
import { assertArticleBody, cleanTitle } from '../../platform/article.js';
import { writeAudit } from '../../platform/audit.js';
import type { AppDeps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { inTransaction } from '../../platform/transactions.js';
import type { CreatePostBody, Post, PostPage, PostQuery, UpdatePostBody } from './posts.schema.js';
import type { PostRow } from './posts.repository.js';
import {
  deletePost,
  findDepartment,
  findPost,
  insertPost,
  listDepartmentPosts,
  updatePost,
} from './posts.repository.js';

const POST = '게시글 / post';
const DEPARTMENT = '학과 / department';

function postRowToPost(row: PostRow): Post {
  return {
    id: row.id,
    department: { id: row.department_id, code: row.department_code, name: row.department_name },
    title: row.title,
    body: row.body,
    authorName: row.author_name,
    createdAt: new Date(Number(row.created_at)).toISOString(),
    updatedAt: new Date(Number(row.updated_at)).toISOString(),
  };
}

export function createPostsService(deps: AppDeps) {
  const { db, clock } = deps;

  async function listForDepartment(departmentId: number, query: PostQuery): Promise<PostPage> {
    if (!(await findDepartment(db, departmentId))) throw notFound(DEPARTMENT);
    const { rows, total } = await listDepartmentPosts(db, departmentId, {
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { items: rows.map(postRowToPost), total };
  }

  async function get(id: number): Promise<Post> {
    const row = await findPost(db, id);
    if (!row) throw notFound(POST);
    return postRowToPost(row);
  }

  async function create(departmentId: number, input: CreatePostBody, actor: Actor): Promise<Post> {
    const title = cleanTitle(input.title);
    assertArticleBody(input.body);
    const id = await inTransaction(db, async (trx) => {
      if (!(await findDepartment(trx, departmentId))) throw notFound(DEPARTMENT);
      const now = clock.now();
      const postId = await insertPost(trx, {
        department_id: departmentId,
        author_admin_id: actor.role === 'admin' ? actor.id : null,
        title,
        body: input.body,
        created_at: now,
        updated_at: now,
      });
      await writeAudit(
        trx,
        actor,
        { action: 'post.create', target: `post:${postId}`, detail: { departmentId, title } },
        now,
      );
      return postId;
    });
    return get(id);
  }

  async function update(id: number, input: UpdatePostBody, actor: Actor): Promise<Post> {
    const patch: Updateable<PostsTable> = {};
    if (input.title !== undefined) patch.title = cleanTitle(input.title);
    if (input.body !== undefined) {
      assertArticleBody(input.body);
      patch.body = input.body;
    }
    await inTransaction(db, async (trx) => {
      if (!(await findPost(trx, id))) throw notFound(POST);
      if (Object.keys(patch).length > 0) await updatePost(trx, id, { ...patch, updated_at: clock.now() });
      await writeAudit(
        trx,
        actor,
        { action: 'post.update', target: `post:${id}`, detail: { fields: Object.keys(patch) } },
        clock.now(),
      );
    });
    return get(id);
  }

  async function remove(id: number, actor: Actor): Promise<void> {
    await inTransaction(db, async (trx) => {
      const post = await findPost(trx, id);
      if (!post) throw notFound(POST);
      await deletePost(trx, id);
      await writeAudit(
        trx,
        actor,
        {
          action: 'post.delete',
          target: `post:${id}`,
          detail: { departmentId: post.department_id, title: post.title },
        },
        clock.now(),
      );
    });
  }

  return { listForDepartment, get, create, update, remove };
}
