import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server';

// findBy* waits up to 1 s by default; the suite shares two cores with the server and browser
// projects, where a first render under load can take longer. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 5_000 });

// Every request a component test makes must be one its test expects (no real network).
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  // A file may opt into the node environment (no DOM) for build-side checks.
  if (typeof document === 'undefined') return;
  cleanup();
  document.cookie.split(';').forEach((c) => {
    const name = c.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  });
  localStorage.clear();
});
afterAll(() => server.close());
