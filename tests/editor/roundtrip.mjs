// Saves map files unchanged the way the form editor does: each file read and written by the
// format its collection names (journeys-formats.js, from a built site's editor folder), as Decap
// CMS calls a format: `fromFile(text)`, then `toFile(data, <the collection's field names>)`.
// Beside it, Decap's own front-matter format from the installed decap-cms-core package reads and
// writes the result again, for the comparison in tests/test_editor_roundtrip.py.
//
// node roundtrip.mjs ADMIN_DIR NODE_MODULES < [{"path", "collection", "text"}]  (JSON on stdin)
// prints [{"path", "ours", "decap"}]

import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [adminDir, nodeModules] = process.argv.slice(2);
// decap-cms-core's ES modules import each other without file extensions, as its bundler
// allows; Node needs the hooks below to load them as the bundle does.
register(pathToFileURL(path.join(path.dirname(new URL(import.meta.url).pathname), 'esm-hooks.mjs')));

const { YAML } = await import(pathToFileURL(path.join(adminDir, 'yaml', 'index.js')));
const { formatFor } = await import(pathToFileURL(path.join(adminDir, 'journeys-formats.js')));
const { FrontmatterInfer } = await import(
  pathToFileURL(path.join(nodeModules, 'decap-cms-core', 'dist', 'esm', 'formats', 'frontmatter.js'))
);
const decapYaml = (await import(pathToFileURL(path.join(nodeModules, 'decap-cms-core', 'dist', 'esm', 'formats', 'yaml.js')))).default;

const config = YAML.parse(readFileSync(path.join(adminDir, 'config.yml'), 'utf8'));
const files = JSON.parse(readFileSync(0, 'utf8'));
const out = files.map(({ path: file, collection: name, text }) => {
  const collection = config.collections.find(c => c.name === name);
  const order = (collection.fields || collection.files[0].fields).map(f => f.name);
  const format = formatFor(collection);
  const data = format.fromFile(text);
  const ours = format.toFile(data, order);
  // Decap's own format reading what ours wrote and writing it again (it drops comments).
  const decap = collection.files
    ? decapYaml.toFile(decapYaml.fromFile(ours))
    : FrontmatterInfer.toFile(FrontmatterInfer.fromFile(ours), order);
  return { path: file, ours, decap };
});
process.stdout.write(JSON.stringify(out));
