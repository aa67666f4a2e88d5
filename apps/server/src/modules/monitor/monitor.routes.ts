import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../platform/schema.js';
import { MonitorSnapshot } from './monitor.schema.js';
import { createMonitorService } from './monitor.service.js';

export const monitorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const monitor = createMonitorService(app.deps);

  app.get(
    '/admin/api/monitor',
    {
      config: { auth: 'admin' },
      schema: {
        tags: ['admin: monitor'],
        summary:
          '실시간 수강신청 현황: fill per section, registrations per second, most contested sections; one shared snapshot per 2 s',
        response: { 200: MonitorSnapshot, ...errorResponses },
      },
    },
    async () => monitor.snapshot(),
  );
};
