/**
 * `aksnet routes`: the effective route table of every subnet (or one), as
 * `az network nic show-effective-route-table` prints it: source, state, prefix, next hop type and
 * address, plus what the design says the next hop is and which user route it comes from.
 */
import { loadArchitecture } from '../../load/load-architecture.js';
import { AksnetError, ExitCode } from '../../shared/errors.js';
import { routingOf } from '../../model/egress.js';
import { ModelQuery } from '../../model/query.js';
import type { EffectiveRoute } from '../../model/routing.js';
import type { Model } from '../../model/types.js';

export interface RouteRow {
  source: EffectiveRoute['source'];
  state: EffectiveRoute['state'];
  addressPrefix: string;
  nextHopType: EffectiveRoute['nextHopType'];
  nextHopIpAddress: string;
  /** The appliance, gateway or peered VNet by name, and the user route it comes from. */
  note: string;
}

export interface SubnetRouteView {
  subnet: string;
  vnet: string;
  cidr: string;
  routeTable: string | null;
  gatewayRoutePropagation: boolean;
  /** The route internet-bound traffic takes (`0.0.0.0/0`). */
  defaultRoute: {
    source: EffectiveRoute['source'];
    nextHopType: EffectiveRoute['nextHopType'];
    nextHop: string;
  } | null;
  routes: RouteRow[];
}

/** The effective routes of the model's subnets whose name (or `vnet/name`) matches `subnet`, or of all. */
export function routeViews(model: Model, subnet?: string): SubnetRouteView[] {
  const q = new ModelQuery(model);
  const routing = routingOf(model);
  const out: SubnetRouteView[] = [];
  for (const s of q.all('subnet')) {
    const vnet = q.name(s.vnet);
    if (subnet !== undefined && subnet !== s.name && subnet !== `${vnet}/${s.name}`) continue;
    const t = routing.get(s.id);
    if (!t) continue;
    const note = (r: EffectiveRoute): string => {
      const target = r.nextHopResource ? q.name(r.nextHopResource) : '';
      const route = r.routeName ? `route ${r.routeName} in ${q.name(r.routeTable)}` : '';
      const learned = r.learnedFrom ? `learned from ${q.name(r.learnedFrom)}` : '';
      return [target, route, learned].filter(Boolean).join(', ');
    };
    const best = t.routes.find((r) => r.state === 'Active' && r.prefix === '0.0.0.0/0' && r.range.prefix === 0);
    out.push({
      subnet: s.name,
      vnet,
      cidr: s.cidr,
      routeTable: t.routeTable ? q.name(t.routeTable) : null,
      gatewayRoutePropagation: t.gatewayRoutePropagation,
      defaultRoute: best ? { source: best.source, nextHopType: best.nextHopType, nextHop: note(best) } : null,
      routes: t.routes.map((r) => ({
        source: r.source,
        state: r.state,
        addressPrefix: r.prefix,
        nextHopType: r.nextHopType,
        nextHopIpAddress: r.nextHopAddress ?? '',
        note: note(r),
      })),
    });
  }
  return out;
}

const HEAD = ['Source', 'State', 'Address Prefix', 'Next Hop Type', 'Next Hop IP', 'Next Hop / Route'] as const;

/** A table per subnet, columns padded to their widest cell. */
export function formatRoutesText(views: SubnetRouteView[]): string {
  const blocks = views.map((v) => {
    const title =
      `${v.vnet}/${v.subnet} (${v.cidr}) · ${v.routeTable ? `route table ${v.routeTable}` : 'no route table'} · ` +
      `gateway route propagation ${v.gatewayRoutePropagation ? 'on' : 'off'}`;
    const cells = v.routes.map((r) => [r.source, r.state, r.addressPrefix, r.nextHopType, r.nextHopIpAddress, r.note]);
    const widths = HEAD.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
    const line = (c: readonly string[]) =>
      c
        .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!)))
        .join('  ')
        .trimEnd();
    const rule = widths.map((w) => '-'.repeat(w)).join('  ');
    return [title, line(HEAD), rule, ...cells.map(line)].join('\n');
  });
  return blocks.join('\n\n') + '\n';
}

export async function routesCommand(
  file: string,
  opts: { subnet?: string; format?: 'text' | 'json' },
): Promise<number> {
  const arch = await loadArchitecture(file);
  const views = routeViews(arch.model, opts.subnet);
  if (opts.subnet !== undefined && views.length === 0) {
    const names = arch.model.resources.filter((r) => r.kind === 'subnet').map((r) => r.name);
    const known = names.join(', ') || 'none';
    const message = `no subnet named "${opts.subnet}" in ${arch.file} (subnets: ${known})`;
    throw new AksnetError(message, undefined, ExitCode.usage);
  }
  const json = () => JSON.stringify({ file: arch.file, subnets: views }, null, 2) + '\n';
  const text = opts.format === 'json' ? json() : formatRoutesText(views);
  process.stdout.write(text);
  for (const i of arch.issues) process.stderr.write(`${arch.file}: ${i.ruleId}: ${i.path}: ${i.message}\n`);
  return ExitCode.ok;
}
