// Arrays in path/query/header/cookie values arrive as strings or repeated keys, per the
// parameter's OpenAPI `style`/`explode`; a z.preprocess step turns them into an array first.
import { arrow, binary, call, cond, id, lit, member, zc, type ZodExpr } from '../ast.js';
import { report, type ZodContext } from '../context.js';

const v = id('v');
const isString = binary('===', { kind: 'unary', op: 'typeof', arg: v }, lit('string'));
const split = (sep: ZodExpr) => arrow(['v'], cond(isString, call(member(v, 'split'), sep), v));

export function wireArray(array: ZodExpr, ctx: ZodContext): ZodExpr {
  const style = ctx.style ?? (ctx.location === 'query' || ctx.location === 'cookie' ? 'form' : 'simple');
  const explode = ctx.explode ?? style === 'form';
  let prep: ZodExpr;
  if (style === 'form' && explode) {
    // `?a=1` -> '1', `?a=1&a=2` -> ['1', '2']: always hand an array on, leave "absent" absent.
    const passThrough = binary('||', binary('===', v, id('undefined')), call(member(id('Array'), 'isArray'), v));
    prep = arrow(['v'], cond(passThrough, v, { kind: 'array', elements: [v] }));
  } else if (style === 'pipeDelimited') prep = split(lit('|'));
  else if (style === 'spaceDelimited') prep = split(lit(' '));
  else if (style === 'form' || style === 'simple') {
    // Node joins repeated headers with ', '.
    prep = split(ctx.location === 'header' ? { kind: 'regex', source: ',\\s*', flags: '' } : lit(','));
  } else {
    report(ctx, 'lossy-schema', `array parameter style "${style}" is not decoded; the raw value must already be an array`);
    return array;
  }
  return zc('preprocess', prep, array);
}
