import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const cartRoutes: FastifyPluginAsyncTypebox = async () => {};
