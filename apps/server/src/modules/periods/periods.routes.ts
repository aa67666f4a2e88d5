import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const periodsRoutes: FastifyPluginAsyncTypebox = async () => {};
