import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const enrollmentRoutes: FastifyPluginAsyncTypebox = async () => {};
