import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Name, Page, PatchBody, Text } from '../../platform/schema.js';

const Title = Name({ minLength: 1, maxLength: 200 });
const NoticeText = Text({ minLength: 1, maxLength: 20_000 });
/** As for posts: the documented length, not the byte count of 4-byte characters or \u escapes, is the limit. */
export const NOTICE_BODY_LIMIT = 256 * 1024;

export const Notice = Type.Object(
  {
    id: Type.Integer(),
    title: Type.String(),
    body: Type.String(),
    pinned: Type.Boolean({ description: 'listed above the others' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Notice' },
);
export type Notice = Static<typeof Notice>;

export const NoticePage = Type.Object({ items: Type.Array(Notice), total: Type.Integer() });
export type NoticePage = Static<typeof NoticePage>;

export const NoticeQuery = Type.Object(
  {
    page: Page,
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type NoticeQuery = Static<typeof NoticeQuery>;

export const CreateNoticeBody = Body({
  title: Title,
  body: NoticeText,
  pinned: Type.Optional(Type.Boolean({ default: false })),
});
export type CreateNoticeBody = Static<typeof CreateNoticeBody>;

export const UpdateNoticeBody = PatchBody({
  title: Type.Optional(Title),
  body: Type.Optional(NoticeText),
  pinned: Type.Optional(Type.Boolean()),
});
export type UpdateNoticeBody = Static<typeof UpdateNoticeBody>;
