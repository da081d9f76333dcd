export { l as findPair, g as parseMap, h as parseSeq, k as stringifyNumber, c as stringifyString, t as toJSON } from './resolveSeq-67caf78a.js';
export { T as Type, c as YAMLError, f as YAMLReferenceError, b as YAMLSemanticError, Y as YAMLSyntaxError, a as YAMLWarning } from './PlainValue-183afbad.js';
