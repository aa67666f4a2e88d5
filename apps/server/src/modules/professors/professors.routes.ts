import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const professorsRoutes: FastifyPluginAsyncTypebox = async () => {};
