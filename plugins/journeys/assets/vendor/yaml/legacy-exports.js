export { b as binary, f as floatTime, i as intTime, o as omap, p as pairs, s as set, t as timestamp, c as warnFileDeprecation } from './warnings-5e4358fe.js';
import './PlainValue-183afbad.js';
import './resolveSeq-67caf78a.js';
