import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { studentActor } from '../../platform/auth.js';
import { IdempotencyKeyHeader, runIdempotent } from '../../platform/idempotency.js';
import { errorResponses } from '../../platform/schema.js';
import { createEnrollmentService } from '../enrollment/enrollment.service.js';
import { SectionIdBody, SectionIdParams } from '../enrollment/enrollment.schema.js';
import { Cart, CartItem, CheckoutBody, CheckoutResult } from './cart.schema.js';
import { createCartService } from './cart.service.js';

export const cartRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const cart = createCartService(app.deps, createEnrollmentService(app.deps));

  app.get(
    '/sugang/api/cart',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['cart'],
        summary: '장바구니 with conflict warnings',
        response: { 200: Cart, ...errorResponses },
      },
    },
    async (request) => cart.get(studentActor(request).id),
  );

  app.post(
    '/sugang/api/cart',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['cart'],
        summary: 'Put a section in the cart',
        headers: IdempotencyKeyHeader,
        body: SectionIdBody,
        response: { 201: CartItem, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 201, (beforeCommit) =>
        cart.add(actor, request.body.sectionId, beforeCommit),
      );
    },
  );

  app.delete(
    '/sugang/api/cart/:sectionId',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['cart'],
        summary: 'Remove a section from your own cart',
        headers: IdempotencyKeyHeader,
        params: SectionIdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 204, (beforeCommit) =>
        cart.remove(actor, request.params.sectionId, beforeCommit),
      );
    },
  );

  app.post(
    '/sugang/api/cart/checkout',
    {
      config: { auth: 'student', admission: true },
      schema: {
        tags: ['cart'],
        summary: 'Register every cart item; one result per item',
        headers: IdempotencyKeyHeader,
        body: CheckoutBody,
        response: { 200: CheckoutResult, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = studentActor(request);
      return runIdempotent(request, reply, 200, () => cart.checkout(actor));
    },
  );
};
