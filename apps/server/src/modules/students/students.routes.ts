import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { adminActor } from '../../platform/auth.js';
import { AppError } from '../../platform/errors.js';
import { ErrorBody, IdParams, errorResponses } from '../../platform/schema.js';
import {
  CreateStudentBody,
  CreatedStudent,
  ExportCsv,
  ExportQuery,
  ImportCsvBody,
  ImportResult,
  MAX_IMPORT_BYTES,
  ResetPasswordResponse,
  Student,
  StudentPage,
  StudentQuery,
  UpdateStudentBody,
} from './students.schema.js';
import { createStudentsService } from './students.service.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export const studentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const students = createStudentsService(app.deps);
  const tags = ['admin: students'];

  // Scoped to this plugin: only the import route takes CSV.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
    (_request, body, done) => {
      try {
        done(null, strictUtf8.decode(body as Buffer));
      } catch (error) {
        // Excel in Korea saves CSV as CP949 by default; decoded leniently, every 한글 name would become U+FFFD.
        done(
          new AppError(
            'INVALID_TEXT',
            'CSV가 UTF-8이 아닙니다. "CSV UTF-8"로 저장하세요 / The CSV is not UTF-8: save it as "CSV UTF-8"',
            undefined,
            { cause: error },
          ),
          undefined,
        );
      }
    },
  );

  app.get(
    '/admin/api/students',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 목록: filter by department, year, name part or 학번 prefix',
        querystring: StudentQuery,
        response: { 200: StudentPage, ...errorResponses },
      },
    },
    async (request) => students.list(request.query),
  );

  app.get(
    '/admin/api/students/export',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 명단 CSV 내보내기 (spreadsheet-safe: formula-like cells are quoted)',
        querystring: ExportQuery,
        // Per-status content, so only the 200 is CSV and the errors stay the JSON envelope.
        response: {
          200: { description: 'CSV file', content: { 'text/csv': { schema: ExportCsv } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="students.csv"')
        .send(await students.exportCsv(request.query, adminActor(request))),
  );

  app.get(
    '/admin/api/students/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 한 명',
        params: IdParams,
        response: { 200: Student, ...errorResponses },
      },
    },
    async (request) => students.get(request.params.id),
  );

  app.post(
    '/admin/api/students',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 등록: 학번 issued (never reused); a generated password is returned once',
        body: CreateStudentBody,
        response: { 201: CreatedStudent, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await students.create(request.body, adminActor(request))),
  );

  app.post(
    '/admin/api/students/import',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      config: { auth: 'admin' },
      schema: {
        tags,
        summary:
          '학생 일괄 등록 (text/csv: name,departmentCode,entryYear,year[,tel,email,birthDate]); all rows or none',
        consumes: ['text/csv'],
        body: ImportCsvBody,
        response: { 201: ImportResult, ...errorResponses, 413: ErrorBody, 415: ErrorBody },
      },
    },
    async (request, reply) => {
      const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'text/csv') {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Content-Type: text/csv 로 보내세요 / Send Content-Type: text/csv',
        );
      }
      return reply.status(201).send(await students.importCsv(request.body, adminActor(request)));
    },
  );

  app.patch(
    '/admin/api/students/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 정보 변경 (moving to another department keeps the 학번)',
        params: IdParams,
        body: UpdateStudentBody,
        response: { 200: Student, ...errorResponses },
      },
    },
    async (request) => students.update(request.params.id, request.body, adminActor(request)),
  );

  app.post(
    '/admin/api/students/:id/reset-password',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary:
          '비밀번호 초기화: a new initial password, returned once; the student is logged out everywhere',
        params: IdParams,
        response: { 200: ResetPasswordResponse, ...errorResponses },
      },
    },
    async (request) => students.resetPassword(request.params.id, adminActor(request)),
  );

  app.delete(
    '/admin/api/students/:id',
    {
      config: { auth: 'admin' },
      schema: {
        tags,
        summary: '학생 삭제: seats go back (wait-lists promoted); cart, wait-list rows and sessions go too',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await students.remove(request.params.id, adminActor(request));
      return reply.status(204).send(null);
    },
  );
};
