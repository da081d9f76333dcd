// Node module hooks for tests/editor/roundtrip.mjs: decap-cms-core's `dist/esm` files are ES
// modules whose imports leave out file extensions (`./yaml`, `lodash/get`), as its bundler
// allows, in a package that does not say "module".
const ESM = '/decap-cms-core/dist/esm/';

export async function resolve(specifier, context, next) {
  if (!context.parentURL || !context.parentURL.includes(ESM)) return next(specifier, context);
  for (const suffix of ['', '.js', '/index.js']) {
    try {
      return await next(specifier + suffix, context);
    } catch (error) {
      if (error.code !== 'ERR_MODULE_NOT_FOUND' && error.code !== 'ERR_UNSUPPORTED_DIR_IMPORT') throw error;
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (url.includes(ESM)) return next(url, { ...context, format: 'module' });
  return next(url, context);
}
