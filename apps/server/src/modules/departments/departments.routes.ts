import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const departmentsRoutes: FastifyPluginAsyncTypebox = async () => {};
