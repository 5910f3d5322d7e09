import { nodePool } from '../../../dsl/index.js';
import type { NodeOs } from '../../../dsl/index.js';
import { baseline } from '../../helpers/fixture.js';
import { testRule } from '../../helpers/rule-tester.js';
import { mutable } from '../../helpers/mutable.js';

const PATH = 'clusters[0].nodePools[1].name';

/** The baseline with its user pool renamed (and given an OS). */
function pool(name: string, os: NodeOs = 'Linux') {
  return () => {
    const b = baseline();
    mutable(b.aks.nodePools)[1] = nodePool({ name, os, mode: 'user', vmSize: 'Standard_D8ds_v5', count: 3, subnet: b.nodes });
    return b.arch;
  };
}

testRule('structure/node-pool-name', {
  valid: [
    { name: 'the baseline (system, apps)', arch: () => baseline().arch },
    { name: 'a one-letter Linux name', arch: pool('a') },
    { name: 'a Linux name of 12 characters (the limit)', arch: pool('abcdefghij12') },
    { name: 'a Windows name of 6 characters (the limit)', arch: pool('win22a', 'Windows') },
    { name: 'a Windows name of 1 character', arch: pool('w', 'Windows') },
  ],
  invalid: [
    {
      name: 'a Linux name of 13 characters',
      arch: pool('abcdefghij123'),
      findings: [
        {
          messageId: 'tooLong',
          path: PATH,
          severity: 'error',
          message: 'Linux node pool name "abcdefghij123" of aks-test has 13 characters; AKS accepts at most 12 for a Linux pool',
          evidence: { length: 13, max: 12 },
        },
      ],
    },
    {
      name: 'a Windows name of 7 characters',
      arch: pool('win2022', 'Windows'),
      findings: [{ messageId: 'tooLong', path: PATH, severity: 'error', evidence: { length: 7, max: 6 } }],
    },
    {
      name: 'a Windows name that would be fine on Linux (8 characters)',
      arch: pool('winpool1', 'Windows'),
      findings: [{ messageId: 'tooLong', path: PATH, severity: 'error', message: /^Windows node pool name "winpool1" .* at most 6 /u }],
    },
    {
      name: 'uppercase letters',
      arch: pool('Apps'),
      findings: [
        {
          messageId: 'badCharacters',
          path: PATH,
          severity: 'error',
          message:
            'node pool name "Apps" of aks-test has uppercase letters; AKS accepts only lowercase letters and digits, starting with a letter',
        },
      ],
    },
    {
      name: 'a leading digit',
      arch: pool('1apps'),
      findings: [{ messageId: 'badCharacters', path: PATH, severity: 'error', message: /"1apps" of aks-test does not start with a letter;/u }],
    },
    {
      name: 'a hyphen',
      arch: pool('user-pool'),
      findings: [
        { messageId: 'badCharacters', path: PATH, severity: 'error', message: /"user-pool" of aks-test has characters other than letters and digits;/u },
      ],
    },
    {
      name: 'a name with a bad character and too long: both problems, each with its own fix',
      arch: pool('user_pool_apps'),
      findings: [
        { messageId: 'tooLong', path: PATH, severity: 'error', evidence: { length: 14, max: 12 } },
        { messageId: 'badCharacters', path: PATH, severity: 'error' },
      ],
    },
  ],
});
