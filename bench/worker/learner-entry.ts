/**
 * The learner Durable Object as a Worker of its own, for the API benchmark: in production a
 * Durable Object runs in its own isolate (usually on another machine), so its CPU is not the
 * Worker's. Bound from the bench Worker with `script_name`, it runs in a separate isolate under
 * `wrangler dev` too, and the benchmark profiles the two isolates apart.
 */
export { Learner } from '../../apps/api/src/learner/durable-object.js';

export default {
  fetch(): Response {
    return new Response('the learner store answers RPC only', { status: 404 });
  },
};
