// How the form editor reads and writes map files: the formats `journeys-<collection>` that the
// generated config.yml names, made from each collection's fields.
//
// Decap CMS's own front-matter format cannot hold the map format as it is:
// - a catalogue (stages.yml, teams.yml) is a YAML list at the top of the file, which Decap
//   cannot edit (decaporg/decap-cms#531): it is read here as a mapping of one list field;
// - a pain point, opportunity or KPI may be written as a bare string (its text or name), and a
//   single persona as `personas: maya`; Decap's list and relation widgets need a list of
//   mappings and a list, and its save step fails on a bare string inside a list of forms. They
//   are read here as the long form (fields `journeys_shorthand` and `journeys_single`), and a
//   mapping that holds only the shorthand's key is written short again;
// - PyYAML, which the check reads with, follows YAML 1.1, where `yes`, `off`, `1:20` and a
//   bare date are not text; Decap's YAML library follows YAML 1.2 and would write such text
//   without quotes. Text that YAML 1.1 would read as something else is written quoted, except
//   a date in a date field.
// Otherwise a file is written as Decap writes front matter: the same YAML library, top-level
// keys in the order of the fields, `---` lines around the front matter, the body as it is.
// Comments inside the front matter are not kept; a comment block at its top is.

import { YAML } from './yaml/index.js';

export const FORMAT_PREFIX = 'journeys-';
const COMMENT = 'journeys_comment'; // the comment block at the top of a file, kept in the entry's data

// PyYAML's implicit resolvers (yaml/resolver.py): a plain scalar matching one is not text.
const YAML_1_1 = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<|=|~|null|Null|NULL|)$/,
  /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$/,
];
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const isMapping = value => value !== null && typeof value === 'object' && !Array.isArray(value);
const isEmpty = value =>
  value === undefined ||
  value === null ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (isMapping(value) && Object.keys(value).length === 0);

// The long form of `record` (a mapping) for the forms: bare strings and single values expanded.
export function expand(record, fields) {
  const out = { ...record };
  for (const field of fields) {
    let value = out[field.name];
    if (value === undefined || value === null) continue;
    if (field.journeys_single && !Array.isArray(value)) value = [value];
    if (Array.isArray(value) && field.fields) {
      value = value.map(item => {
        const long = typeof item === 'string' && field.journeys_shorthand ? { [field.fields[0].name]: item } : item;
        return isMapping(long) ? expand(long, field.fields) : long;
      });
    } else if (isMapping(value) && field.fields) {
      value = expand(value, field.fields);
    }
    out[field.name] = value;
  }
  return out;
}

// `record` as it is written: empty values left out (an optional key left empty is no key), and a
// mapping that holds only its shorthand's key written as that string.
export function fold(record, fields) {
  const out = {};
  for (const [name, raw] of Object.entries(record)) {
    const field = fields.find(f => f.name === name);
    let value = raw;
    if (Array.isArray(value)) {
      value = value
        .map(item => (isMapping(item) && field?.fields ? fold(item, field.fields) : item))
        .filter(item => !isEmpty(item));
      if (field?.journeys_shorthand) {
        const short = field.fields[0].name;
        value = value.map(item =>
          isMapping(item) && Object.keys(item).length === 1 && typeof item[short] === 'string' ? item[short] : item,
        );
      }
    } else if (isMapping(value) && field?.fields) {
      value = fold(value, field.fields);
    }
    if (!isEmpty(value)) out[name] = value;
  }
  return out;
}

function dateFields(fields, found = new Set()) {
  for (const field of fields) {
    if (field.widget === 'datetime') found.add(field.name);
    for (const inner of [field.fields, field.field && [field.field]]) if (inner) dateFields(inner, found);
  }
  return found;
}

// Quote every string that YAML 1.1 would read as something else (a date in a date field stays).
function quoteForYaml11(node, dates, key) {
  if (!node || typeof node !== 'object') return;
  if (node.items) {
    for (const item of node.items) {
      if (item && 'key' in item && item.key !== undefined) quoteForYaml11(item.value, dates, String(item.key));
      else quoteForYaml11(item, dates, key);
    }
  } else if (typeof node.value === 'string') {
    const isDate = dates.has(key) && DATE.test(node.value);
    if (!isDate && YAML_1_1.some(pattern => pattern.test(node.value))) node.type = 'QUOTE_DOUBLE';
  }
}

function yamlText(data, order, dates, comment) {
  const node = YAML.createNode(data);
  if (node.items && order.length) {
    // Top-level keys in the order of the fields, as Decap's YAML format sorts them.
    const at = item => order.indexOf(item.key?.toString());
    node.items.sort((a, b) => (at(a) === -1 || at(b) === -1 ? 0 : at(a) - at(b)));
  }
  quoteForYaml11(node, dates);
  const doc = new YAML.Document();
  doc.contents = node;
  if (comment) doc.commentBefore = comment;
  return String(doc);
}

function readYaml(text) {
  const doc = YAML.parseDocument(text);
  if (doc.errors.length) throw new Error(`YAML parsing error:\n${doc.errors.map(e => e.message).join('\n')}`);
  const first = doc.contents?.items?.[0];
  const comment = doc.commentBefore || first?.commentBefore || null;
  return { data: doc.toJSON(), comment };
}

// Front matter between two `---` lines, then the body: the split Decap's front-matter format makes.
export function splitFrontMatter(content) {
  const lines = content.replace(/^\ufeff/, '').split('\n');
  if (lines[0].trim() !== '---') return { front: '', body: content };
  const end = lines.findIndex((line, n) => n > 0 && ['---', '...'].includes(line.trim()));
  if (end === -1) return { front: lines.slice(1).join('\n'), body: '' };
  return { front: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

// The format of one collection of the generated config (a folder of Markdown files, or one
// catalogue file with its list field).
export function formatFor(collection) {
  if (collection.files) {
    const listField = collection.files[0].fields[0];
    const dates = dateFields(listField.fields);
    return {
      fromFile(content) {
        const { data, comment } = readYaml(content);
        const items = Array.isArray(data) ? data : [];
        const out = { [listField.name]: items.map(item => (isMapping(item) ? expand(item, listField.fields) : item)) };
        if (comment) out[COMMENT] = comment;
        return out;
      },
      toFile(data) {
        const items = (data[listField.name] || []).map(item => (isMapping(item) ? fold(item, listField.fields) : item));
        return yamlText(items, [], dates, data[COMMENT]);
      },
    };
  }
  const fields = collection.fields.filter(field => field.name !== 'body');
  const dates = dateFields(fields);
  return {
    fromFile(content) {
      const { front, body } = splitFrontMatter(content);
      const { data, comment } = readYaml(front);
      const out = expand(isMapping(data) ? data : {}, fields);
      if (comment) out[COMMENT] = comment;
      if (body.trim()) out.body = body;
      return out;
    },
    toFile(data, sortedKeys = []) {
      const { body = '', [COMMENT]: comment, ...meta } = data;
      const front = yamlText(fold(meta, fields), sortedKeys, dates, comment).replace(/\n+$/, '');
      return `---\n${front}\n---\n${body}`;
    },
  };
}
