import { Type } from '@sinclair/typebox';
import type { Static } from '@sinclair/typebox';
import { Body, Id } from '../../platform/schema.js';
import { Meeting } from '../meetings/meetings.schema.js';

export const SectionIdBody = Body({ sectionId: Id });
export const SectionIdParams = Type.Object({ sectionId: Id }, { additionalProperties: false });

export const EnrollmentItem = Type.Object({
  sectionId: Type.Integer(),
  sectionNumber: Type.Integer(),
  subject: Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String(), type: Type.String() }),
  credits: Type.Integer(),
  professor: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  meetings: Type.Array(Meeting),
  enrolledAt: Type.String({ format: 'date-time' }),
});
export type EnrollmentItem = Static<typeof EnrollmentItem>;

export const EnrollmentList = Type.Object({
  items: Type.Array(EnrollmentItem),
  totalCredits: Type.Integer(),
});
export type EnrollmentList = Static<typeof EnrollmentList>;

export const EnrollResponse = Type.Object({ enrollment: EnrollmentItem, totalCredits: Type.Integer() });
export type EnrollResponse = Static<typeof EnrollResponse>;

export const WaitlistJoinResponse = Type.Object({ sectionId: Type.Integer(), position: Type.Integer() });
export type WaitlistJoinResponse = Static<typeof WaitlistJoinResponse>;

export const WaitlistList = Type.Object({
  items: Type.Array(
    Type.Object({
      sectionId: Type.Integer(),
      sectionNumber: Type.Integer(),
      subjectCode: Type.String(),
      subjectName: Type.String(),
      position: Type.Integer(),
      joinedAt: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type WaitlistList = Static<typeof WaitlistList>;
