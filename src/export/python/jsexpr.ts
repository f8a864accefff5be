// Translate the small Arquero expressions of derive and filter steps
// ("d => d.pdays === 999 ? 1 : 0", "d => op.replace(d.job, /\./g, '_')")
// into vectorised pandas/NumPy code over a DataFrame. Only what the
// workbench's expressions use is understood: column references, literals,
// comparison, logic, arithmetic, the ternary and a few op.* functions.
// Anything else throws UnsupportedExpression, and the exporter turns the
// cell into an explicit TODO rather than guess.

export class UnsupportedExpression extends Error {}

type Token =
  | { t: 'num'; v: string }
  | { t: 'str'; v: string }
  | { t: 'regex'; v: string; flags: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string };

const OPERATORS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '=>', '<', '>', '+', '-', '*', '/', '%', '!', '?', ':', '(', ')', ',', '.', '[', ']'];

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const regexAllowed = () => {
    const last = out[out.length - 1];
    return !last || (last.t === 'op' && last.v !== ')' && last.v !== ']');
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new UnsupportedExpression(`cannot read the number at ${i}`);
      out.push({ t: 'num', v: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') { v += src[j + 1]; j += 2; continue; }
        v += src[j++];
      }
      if (j >= src.length) throw new UnsupportedExpression('a string is not closed');
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let body = '';
      while (j < src.length && src[j] !== '/') {
        if (src[j] === '\\') { body += src[j] + src[j + 1]; j += 2; continue; }
        body += src[j++];
      }
      const flags = /^[a-z]*/.exec(src.slice(j + 1))?.[0] ?? '';
      out.push({ t: 'regex', v: body, flags });
      i = j + 1 + flags.length;
      continue;
    }
    if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
      out.push({ t: 'id', v: m![0] });
      i += m![0].length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new UnsupportedExpression(`"${c}" is not understood`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

/** Python source of a string literal. */
export function pyString(s: string): string {
  return JSON.stringify(s);
}

const BINARY: Record<string, { prec: number; py: string }> = {
  '||': { prec: 2, py: '|' },
  '&&': { prec: 3, py: '&' },
  '===': { prec: 4, py: '==' }, '==': { prec: 4, py: '==' }, '!==': { prec: 4, py: '!=' }, '!=': { prec: 4, py: '!=' },
  '<': { prec: 5, py: '<' }, '<=': { prec: 5, py: '<=' }, '>': { prec: 5, py: '>' }, '>=': { prec: 5, py: '>=' },
  '+': { prec: 6, py: '+' }, '-': { prec: 6, py: '-' },
  '*': { prec: 7, py: '*' }, '/': { prec: 7, py: '/' }, '%': { prec: 7, py: '%' },
};

const NUMPY_FUNCTIONS: Record<string, string> = { abs: 'np.abs', sqrt: 'np.sqrt', log: 'np.log', exp: 'np.exp', floor: 'np.floor', ceil: 'np.ceil', round: 'np.round' };

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[], private readonly row: string, private readonly frame: string) {}

  private peek(): Token | undefined { return this.tokens[this.at]; }
  private isOp(v: string): boolean { const t = this.peek(); return t?.t === 'op' && t.v === v; }
  private expect(v: string): void {
    if (!this.isOp(v)) throw new UnsupportedExpression(`expected "${v}"`);
    this.at++;
  }
  done(): boolean { return this.at >= this.tokens.length; }

  expression(minPrec = 0): string {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.t !== 'op') break;
      if (t.v === '?' && minPrec <= 1) {
        this.at++;
        const yes = this.expression(1);
        this.expect(':');
        const no = this.expression(1);
        left = `np.where(${left}, ${yes}, ${no})`;
        continue;
      }
      const b = BINARY[t.v];
      if (!b || b.prec < minPrec || b.prec === minPrec) break;
      this.at++;
      const right = this.expression(b.prec);
      // JavaScript's % keeps the dividend's sign, like np.fmod (Python's % does not).
      left = t.v === '%' ? `np.fmod(${left}, ${right})` : `(${left} ${b.py} ${right})`;
    }
    return left;
  }

  private unary(): string {
    if (this.isOp('!')) { this.at++; return `~(${this.unary()})`; }
    if (this.isOp('-')) { this.at++; return `(-${this.unary()})`; }
    return this.primary();
  }

  private primary(): string {
    const t = this.tokens[this.at++];
    if (!t) throw new UnsupportedExpression('the expression ends too early');
    if (t.t === 'num') return t.v;
    if (t.t === 'str') return pyString(t.v);
    if (t.t === 'regex') throw new UnsupportedExpression('a regular expression outside op.replace');
    if (t.t === 'op' && t.v === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (t.t === 'id') {
      if (t.v === 'true') return 'True';
      if (t.v === 'false') return 'False';
      if (t.v === 'null' || t.v === 'undefined') return 'None';
      if (t.v === this.row) return this.column();
      if (t.v === 'op') return this.opCall();
      throw new UnsupportedExpression(`"${t.v}" is not a column reference or op function`);
    }
    throw new UnsupportedExpression(`"${t.v}" is not understood here`);
  }

  private column(): string {
    if (this.isOp('.')) {
      this.at++;
      const name = this.tokens[this.at++];
      if (name?.t !== 'id') throw new UnsupportedExpression('expected a column name after "."');
      return `${this.frame}[${pyString(name.v)}]`;
    }
    if (this.isOp('[')) {
      this.at++;
      const name = this.tokens[this.at++];
      if (name?.t !== 'str') throw new UnsupportedExpression('expected a quoted column name in [...]');
      this.expect(']');
      return `${this.frame}[${pyString(name.v)}]`;
    }
    throw new UnsupportedExpression(`"${this.row}" is used without a column`);
  }

  private args(): (string | Token)[] {
    this.expect('(');
    const out: (string | Token)[] = [];
    while (!this.isOp(')')) {
      const t = this.peek();
      if (t?.t === 'regex') { out.push(t); this.at++; }
      else out.push(this.expression());
      if (this.isOp(',')) this.at++;
      else break;
    }
    this.expect(')');
    return out;
  }

  private opCall(): string {
    this.expect('.');
    const fn = this.tokens[this.at++];
    if (fn?.t !== 'id') throw new UnsupportedExpression('expected an op function name');
    const args = this.args();
    const text = (i: number): string => {
      const a = args[i];
      if (typeof a !== 'string') throw new UnsupportedExpression(`op.${fn.v}: argument ${i + 1} must not be a regular expression`);
      return a;
    };
    switch (fn.v) {
      case 'replace': {
        const pattern = args[0 + 1];
        if (args.length !== 3) throw new UnsupportedExpression('op.replace takes three arguments');
        const count = typeof pattern !== 'string' && pattern.t === 'regex' && !pattern.flags.includes('g') ? ', n=1' : '';
        if (typeof pattern !== 'string' && pattern.t === 'regex') {
          if (pattern.flags.replace('g', '') !== '') throw new UnsupportedExpression(`regular-expression flags "${pattern.flags}"`);
          return `${text(0)}.str.replace(${pyString(pattern.v)}, ${text(2)}, regex=True${count})`;
        }
        return `${text(0)}.str.replace(${text(1)}, ${text(2)}, regex=False, n=1)`;
      }
      case 'is_finite': return `np.isfinite(pd.to_numeric(${text(0)}, errors='coerce'))`;
      case 'is_nan': return `pd.to_numeric(${text(0)}, errors='coerce').isna()`;
      case 'is_valid': return `${text(0)}.notna()`;
      case 'lower': return `${text(0)}.str.lower()`;
      case 'upper': return `${text(0)}.str.upper()`;
      case 'trim': return `${text(0)}.str.strip()`;
      default: {
        const np = NUMPY_FUNCTIONS[fn.v];
        if (!np) throw new UnsupportedExpression(`op.${fn.v} has no translation yet`);
        return `${np}(${args.map((_, i) => text(i)).join(', ')})`;
      }
    }
  }
}

/** Python source for a "d => …" Arquero expression over the DataFrame named `frame`. */
export function translateExpression(expr: string, frame = 'df'): string {
  const tokens = tokenize(expr);
  const [param, arrow] = tokens;
  if (param?.t !== 'id' || arrow?.t !== 'op' || arrow.v !== '=>') throw new UnsupportedExpression('expected "d => ..."');
  const parser = new Parser(tokens.slice(2), param.v, frame);
  const out = parser.expression();
  if (!parser.done()) throw new UnsupportedExpression('unexpected text after the expression');
  return out;
}
