/**
 * A free TCP port on the loopback interface. Shared by the tests (dev-server.ts) and the bench
 * (bench/src/edge/worker.ts), which both start servers and inspectors on ports of their own.
 */
import getPort from 'get-port';

export const freePort = () => getPort({ host: '127.0.0.1' });
