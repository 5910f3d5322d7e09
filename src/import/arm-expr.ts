/**
 * The small part of the ARM template expression language that `az group export` and compiled Bicep
 * use for names and references: parameters(), variables(), concat(), format(), resourceId(),
 * toLower() and string literals. Anything else is reported, never guessed.
 */

export interface ArmScope {
  parameters: Record<string, unknown>;
  variables: Record<string, unknown>;
}

/** Resource ids computed from a template have no subscription or group; this marks them. */
export const TEMPLATE_SCOPE = '/subscriptions/template/resourceGroups/template';

export class ArmExpressionError extends Error {}

/** Evaluates a string that may be an ARM expression (`[…]`); `[[` escapes a literal bracket. */
export function evalArmString(s: string, scope: ArmScope): unknown {
  if (!s.startsWith('[') || !s.endsWith(']')) return s;
  if (s.startsWith('[[')) return s.slice(1);
  const p = new Parser(s.slice(1, -1), scope);
  const v = p.expr();
  p.end();
  return v;
}

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly scope: ArmScope,
  ) {}

  end(): void {
    this.ws();
    if (this.i < this.src.length)
      throw new ArmExpressionError(`unexpected "${this.src.slice(this.i)}" in ARM expression`);
  }

  private ws(): void {
    while (this.src[this.i] === ' ') this.i++;
  }

  expr(): unknown {
    this.ws();
    const c = this.src[this.i];
    let v: unknown;
    if (c === "'") v = this.literal();
    else if (c !== undefined && /[0-9-]/.test(c)) {
      const m = /^-?\d+/.exec(this.src.slice(this.i))!;
      this.i += m[0].length;
      v = Number(m[0]);
    } else v = this.call();
    // Property access such as parameters('x').id is not used by exports; reject it clearly.
    this.ws();
    if (this.src[this.i] === '.' || this.src[this.i] === '[') {
      throw new ArmExpressionError('property access in ARM expressions is not supported');
    }
    return v;
  }

  private literal(): string {
    let out = '';
    this.i++;
    for (;;) {
      const c = this.src[this.i];
      if (c === undefined) throw new ArmExpressionError('unterminated string in ARM expression');
      if (c === "'") {
        if (this.src[this.i + 1] === "'") {
          out += "'";
          this.i += 2;
          continue;
        }
        this.i++;
        return out;
      }
      out += c;
      this.i++;
    }
  }

  private call(): unknown {
    const m = /^[A-Za-z_][\w]*/.exec(this.src.slice(this.i));
    if (!m) throw new ArmExpressionError(`cannot read ARM expression at "${this.src.slice(this.i)}"`);
    this.i += m[0].length;
    this.ws();
    if (this.src[this.i] !== '(') throw new ArmExpressionError(`expected "(" after ${m[0]}`);
    this.i++;
    const args: unknown[] = [];
    this.ws();
    if (this.src[this.i] === ')') this.i++;
    else {
      for (;;) {
        args.push(this.expr());
        this.ws();
        const c = this.src[this.i++];
        if (c === ')') break;
        if (c !== ',') throw new ArmExpressionError(`expected "," or ")" in call to ${m[0]}`);
      }
    }
    return this.apply(m[0], args);
  }

  private apply(fn: string, args: unknown[]): unknown {
    const s = (k: number): string => {
      const v = args[k];
      if (typeof v !== 'string' && typeof v !== 'number')
        throw new ArmExpressionError(`${fn}() expects text arguments`);
      return String(v);
    };
    switch (fn.toLowerCase()) {
      case 'parameters': {
        const p = this.scope.parameters[s(0)];
        const v = typeof p === 'object' && p !== null ? (p as Record<string, unknown>).defaultValue : undefined;
        if (v === undefined)
          throw new ArmExpressionError(`parameter "${s(0)}" has no defaultValue; export with default values`);
        return v;
      }
      case 'variables': {
        const v = this.scope.variables[s(0)];
        if (v === undefined) throw new ArmExpressionError(`variable "${s(0)}" is not defined`);
        return typeof v === 'string' ? evalArmString(v, this.scope) : v;
      }
      case 'concat':
        return args.map((_, k) => s(k)).join('');
      case 'format':
        return s(0).replace(/\{(\d+)\}/g, (_, n: string) => s(Number(n) + 1));
      case 'tolower':
        return s(0).toLowerCase();
      case 'resourceid': {
        // resourceId([subscriptionId], [resourceGroupName], type, name1, name2, …): the type is
        // the first argument that contains a "/".
        const all = args.map((_, k) => s(k));
        const t = all.findIndex((a) => a.includes('/'));
        if (t < 0) throw new ArmExpressionError('resourceId() without a resource type');
        const scope =
          t === 2
            ? `/subscriptions/${all[0]}/resourceGroups/${all[1]}`
            : t === 1
              ? `${TEMPLATE_SCOPE.split('/resourceGroups')[0]}/resourceGroups/${all[0]}`
              : TEMPLATE_SCOPE;
        const [ns, ...types] = all[t]!.split('/');
        const names = all.slice(t + 1);
        let id = `${scope}/providers/${ns}`;
        types.forEach((ty, k) => (id += `/${ty}/${names[k] ?? ''}`));
        return id;
      }
      default:
        throw new ArmExpressionError(`the ARM function ${fn}() is not supported by aksnet import`);
    }
  }
}
