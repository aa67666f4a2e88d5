import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const timetableRoutes: FastifyPluginAsyncTypebox = async () => {};
