import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { studentActor } from '../../platform/auth.js';
import { errorResponses } from '../../platform/schema.js';
import { Timetable, TimetableQuery } from './timetable.schema.js';
import { createTimetableService } from './timetable.service.js';

export const timetableRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const timetable = createTimetableService(app.deps);

  app.get(
    '/sugang/api/timetable',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['timetable'],
        summary: '내 시간표: own registered sections, as JSON or an .ics calendar (?format=ics)',
        querystring: TimetableQuery,
        response: {
          200: {
            content: {
              'application/json': { schema: Timetable },
              'text/calendar': { schema: Type.String({ description: 'RFC 5545 iCalendar' }) },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const student = studentActor(request);
      if (request.query.format === 'ics') {
        const body = await timetable.exportIcs(student.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'attachment; filename="timetable.ics"')
          .send(body);
      }
      return timetable.getTimetable(student.id);
    },
  );
};
