export { A as Alias, C as Collection, M as Merge, N as Node, P as Pair, S as Scalar, d as YAMLMap, Y as YAMLSeq, b as binaryOptions, a as boolOptions, i as intOptions, n as nullOptions, s as strOptions } from './resolveSeq-67caf78a.js';
export { S as Schema } from './Schema-9530c078.js';
import './PlainValue-183afbad.js';
import './warnings-5e4358fe.js';
