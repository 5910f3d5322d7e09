import { defineRule } from '../../validate/rule.js';

/** Longest node pool name AKS accepts, by OS (create-node-pools, limitations). */
export const MAX_POOL_NAME = { Linux: 12, Windows: 6 } as const;
/** Lowercase letters and digits, starting with a letter. */
const POOL_NAME = /^[a-z][a-z0-9]*$/;

export default defineRule({
  meta: {
    id: 'structure/node-pool-name',
    title: 'Node pool names are lowercase alphanumeric, start with a letter and fit the OS length limit',
    severity: 'error',
    kind: 'platform-limit',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'AKS rejects a node pool whose name has anything but lowercase letters and digits, does not start with a letter, or is longer than 12 characters for a Linux pool or 6 characters for a Windows pool. A design with such a name cannot be deployed as written, and renaming a pool later means creating a new pool and moving the workloads.',
    fix: 'Rename the pool: lowercase letters and digits only, a letter first, at most 12 characters (Linux) or 6 (Windows), e.g. `system`, `apps01`, `win22`.',
    example: "nodePool({ name: 'win22', os: 'Windows', mode: 'user', vmSize: 'Standard_D4ds_v5', count: 2, subnet: nodes })",
    references: [{ title: 'Create node pools for a cluster in AKS (limitations)', url: 'https://learn.microsoft.com/azure/aks/create-node-pools' }],
    messages: {
      badCharacters:
        'node pool name "{{pool}}" of {{cluster}} {{problem}}; AKS accepts only lowercase letters and digits, starting with a letter',
      tooLong:
        '{{os}} node pool name "{{pool}}" of {{cluster}} has {{length}} characters; AKS accepts at most {{max}} for a {{os}} pool',
    },
  },
  check(ctx) {
    const { q } = ctx;
    for (const c of q.all('cluster')) {
      for (const p of q.pools(c.id)) {
        const name = p.name;
        if (!POOL_NAME.test(name)) {
          const problems = [
            ...(name.length === 0 ? ['is empty'] : []),
            ...(/[A-Z]/.test(name) ? ['has uppercase letters'] : []),
            ...(/^[^a-zA-Z]/.test(name) ? ['does not start with a letter'] : []),
            ...(/[^a-zA-Z0-9]/.test(name) ? ['has characters other than letters and digits'] : []),
          ];
          const problem = problems.join(' and ');
          ctx.report({
            messageId: 'badCharacters',
            data: { pool: name, cluster: c.name, problem },
            element: p.id,
            reads: ['name'],
            property: 'name',
            evidence: { pool: name },
          });
        }
        const max = MAX_POOL_NAME[p.os];
        // Length is a separate limit: a name may break both, and each needs its own fix.
        if ([...name].length > max) {
          ctx.report({
            messageId: 'tooLong',
            data: { os: p.os, pool: name, cluster: c.name, length: [...name].length, max },
            element: p.id,
            reads: ['name', 'os'],
            property: 'name',
            evidence: { pool: name, length: [...name].length, max },
          });
        }
      }
    }
  },
});
