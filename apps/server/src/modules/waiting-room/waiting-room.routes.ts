import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import fp from 'fastify-plugin';
import { studentActor } from '../../platform/auth.js';
import { errorResponses } from '../../platform/schema.js';
import { createRedisQueueStore } from './waiting-room.redis-store.js';
import { Fairness, FairnessQuery, QueueStatus, TicketParams } from './waiting-room.schema.js';
import { createWaitingRoomService } from './waiting-room.service.js';
import type { WaitingRoomService } from './waiting-room.service.js';
import { createMemoryQueueStore } from './waiting-room.store.js';
import type { QueueStore } from './waiting-room.store.js';

export const ADMISSION_HEADER = 'x-admission-token';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A registration state change: needs X-Admission-Token while the waiting room is active. */
    admission?: boolean;
  }
  interface FastifyInstance {
    waitingRoom: WaitingRoomService;
  }
}

const FAIRNESS_RECIPE =
  'Fairness record of the waiting room. Students who join before the opening instant are ordered by ' +
  'a shuffle: ascending `sha256(seed + ":" + studentId)` as lowercase hex, where `seed` is the 64 hex ' +
  'digit string below and `studentId` the decimal student id (not the 학번). Before the opening only ' +
  '`seedHash` = sha256(seed) is published, so the order is fixed before anyone could see it; from the ' +
  'opening `seed` is revealed and anyone can check `sha256(seed) == seedHash` and recompute the order. ' +
  'Students who join after the opening are served first come, first served, behind everyone who joined before. ' +
  'Without `periodId`: the registration or add/drop period open now, else the next to open.';

export interface WaitingRoomPluginOptions {
  /** Tests hand in their own store (a unique Redis key prefix); otherwise from the config. */
  store?: QueueStore;
}

/**
 * The waiting room's routes and the one place admission is enforced: a hook on every route flagged
 * `config: { admission: true }`. Registered with fastify-plugin so the hooks reach the enrollment and
 * cart routes registered after it.
 */
export const waitingRoomPlugin = fp<WaitingRoomPluginOptions>(async (app, options) => {
  const { config } = app.deps;
  const store =
    options.store ??
    app.deps.queueStore ??
    (config.redisUrl
      ? createRedisQueueStore(config.redisUrl, {
          onError: (error) => app.log.warn({ err: error }, 'waiting room: Redis error'),
        })
      : createMemoryQueueStore());
  const waitingRoom = createWaitingRoomService(app.deps, { store });
  app.decorate('waitingRoom', waitingRoom);
  app.metrics.sources.waitingRoom = () => waitingRoom.gauges();
  app.addHook('onClose', async () => waitingRoom.close());

  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.admission) waitingRoom.recorder.started();
  });
  app.addHook('onResponse', async (request, reply) => {
    if (request.routeOptions.config?.admission) {
      waitingRoom.recorder.finished(reply.elapsedTime, app.deps.clock.now());
    }
  });
  app.addHook('preHandler', async (request) => {
    if (!request.routeOptions.config?.admission) return;
    const header = request.headers[ADMISSION_HEADER];
    await waitingRoom.assertAdmitted(
      studentActor(request).id,
      typeof header === 'string' ? header : undefined,
    );
  });

  await app.register(waitingRoomRoutes);
});

const waitingRoomRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const waitingRoom = app.waitingRoom;

  app.post(
    '/sugang/api/queue',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['waiting room'],
        summary: '대기열: take (or find again) your one place in line for the current registration period',
        description:
          'One place per student per period: a refresh, a second tab or a second device gets the same ticket and ' +
          'place. `position` and `etaSeconds` never go up. When the waiting room is not active, answers ' +
          '`admitted: true` at once with a token. ' +
          FAIRNESS_RECIPE.replace('Fairness record of the waiting room. ', '').replace(
            / Without `periodId`.*$/,
            ' The seed is published by GET /sugang/api/queue/fairness.',
          ),
        response: { 200: QueueStatus, ...errorResponses },
      },
    },
    async (request) => waitingRoom.enter(studentActor(request).id),
  );

  app.get(
    '/sugang/api/queue/fairness',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['waiting room'],
        summary: 'The pre-opening shuffle: its seed hash before the opening, the seed from the opening',
        description: FAIRNESS_RECIPE,
        querystring: FairnessQuery,
        response: { 200: Fairness, ...errorResponses },
      },
    },
    async (request) => waitingRoom.fairness(request.query.periodId),
  );

  app.get(
    '/sugang/api/queue/:ticket',
    {
      config: { auth: 'student' },
      schema: {
        tags: ['waiting room'],
        summary: 'Your place in line (own ticket only); ask again after nextPollMs',
        params: TicketParams,
        response: { 200: QueueStatus, ...errorResponses },
      },
    },
    async (request) => waitingRoom.status(studentActor(request).id, request.params.ticket),
  );
};
