import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const sectionsRoutes: FastifyPluginAsyncTypebox = async () => {};
