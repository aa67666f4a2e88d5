import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const subjectsRoutes: FastifyPluginAsyncTypebox = async () => {};
