import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Id, Name, Page, PatchBody, Text } from '../../platform/schema.js';

const Title = Name({ minLength: 1, maxLength: 200 });
const PostBody = Text({ minLength: 1, maxLength: 20_000 });
/**
 * 20,000 characters do not fit the global 64 KiB when they are 4-byte characters or \u escapes;
 * the write routes take this much so the documented length, not the byte count, is the limit.
 */
export const POST_BODY_LIMIT = 256 * 1024;

export const Post = Type.Object(
  {
    id: Type.Integer(),
    department: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() }),
    title: Type.String(),
    body: Type.String(),
    authorName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Post' },
);
export type Post = Static<typeof Post>;

export const PostPage = Type.Object({ items: Type.Array(Post), total: Type.Integer() });
export type PostPage = Static<typeof PostPage>;

export const PostQuery = Type.Object(
  {
    page: Page,
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type PostQuery = Static<typeof PostQuery>;

export const DepartmentParams = Type.Object({ id: Id }, { additionalProperties: false });

export const CreatePostBody = Body({ title: Title, body: PostBody });
export type CreatePostBody = Static<typeof CreatePostBody>;

export const UpdatePostBody = PatchBody({ title: Type.Optional(Title), body: Type.Optional(PostBody) });
export type UpdatePostBody = Static<typeof UpdatePostBody>;
