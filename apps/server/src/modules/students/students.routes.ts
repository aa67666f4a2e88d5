import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const studentsRoutes: FastifyPluginAsyncTypebox = async () => {};
