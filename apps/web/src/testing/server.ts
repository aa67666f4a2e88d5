import { setupServer } from 'msw/node';

/** The HTTP layer of component tests: each test installs the answers it needs (server.use). */
export const server = setupServer();
