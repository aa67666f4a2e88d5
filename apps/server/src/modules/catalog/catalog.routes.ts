import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { preValidationAsyncHookHandler } from 'fastify';
import { IdParams, errorResponses } from '../../platform/schema.js';
import { SectionDetail, SectionPage, SectionsQuery, ServerTime } from './catalog.schema.js';
import { createCatalogService } from './catalog.service.js';

/** A search form sends every field, blank ones included; a blank filter means "no filter". */
const dropBlankQueryParams: preValidationAsyncHookHandler = async (request) => {
  const query = request.query as Record<string, unknown>;
  for (const [key, value] of Object.entries(query)) {
    if (typeof value === 'string' && value.trim() === '') delete query[key];
  }
};

export const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const catalog = createCatalogService(app.deps);

  app.get(
    '/sugang/api/sections',
    {
      config: { auth: 'public' },
      preValidation: dropBlankQueryParams,
      schema: {
        tags: ['catalog'],
        summary: '개설 강좌 조회: the public catalog with live seat counts',
        security: [],
        querystring: SectionsQuery,
        response: { 200: SectionPage, ...errorResponses },
      },
    },
    async (request) => catalog.listSections(request.query),
  );

  app.get(
    '/sugang/api/sections/:id',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'One section with live seat and wait-list counts and the subject description',
        security: [],
        params: IdParams,
        response: { 200: SectionDetail, ...errorResponses },
      },
    },
    async (request) => catalog.getSection(request.params.id),
  );

  app.get(
    '/sugang/api/time',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['catalog'],
        summary: 'Server time, for counting down to the opening (the window is enforced on the server)',
        security: [],
        response: { 200: ServerTime },
      },
    },
    async () => catalog.serverTime(),
  );
};
