// The form editor's start: the formats each collection of config.yml names, the journey preview,
// then Decap CMS itself (loaded by the page with CMS_MANUAL_INIT set, so that nothing is read
// before the formats exist).

import { YAML } from './yaml/index.js';
import { FORMAT_PREFIX, formatFor } from './journeys-formats.js';

const CMS = window.CMS;
const h = window.h;
const WORDS = { '-2': 'very negative', '-1': 'negative', 0: 'neutral', 1: 'positive', 2: 'very positive' };

function humanize(id) {
  const text = String(id || '').replace(/-/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// Stage names from the stages catalogue the relation widget loaded, else from the id.
function stageNames(fieldsMetaData) {
  const names = {};
  const loaded = fieldsMetaData && fieldsMetaData.getIn(['stage', 'stages']);
  if (loaded) {
    loaded.valueSeq().forEach(file => {
      const list = file && file.get && file.get('stages');
      if (list) list.forEach(stage => stage && stage.get && (names[stage.get('id')] = stage.get('name')));
    });
  }
  return names;
}

function emotionChip(value) {
  const known = Number.isInteger(value) && value >= -2 && value <= 2;
  const shown = known ? (value > 0 ? `+${value}` : String(value)) : '?';
  return h(
    'span',
    { className: `jm-emotion jm-emotion--${known ? value : 'none'}` },
    `${shown} ${known ? WORDS[value] : 'no emotion yet'}`,
  );
}

// The journey as a compact grid: a column a stage, its touchpoints in order, each with its emotion.
const JourneyPreview = window.createClass({
  render() {
    const data = this.props.entry.get('data');
    const raw = data ? data.toJS() : {};
    const names = stageNames(this.props.fieldsMetaData);
    const blocks = Array.isArray(raw.stages) ? raw.stages : [];
    const columns = blocks.map((block, n) =>
      h(
        'section',
        { className: 'jm-stage', key: n },
        h('h2', {}, names[block.stage] || humanize(block.stage) || 'Stage not chosen'),
        block.goal ? h('p', { className: 'jm-goal' }, block.goal) : null,
        h(
          'ol',
          { className: 'jm-steps' },
          (Array.isArray(block.steps) ? block.steps : []).map((step, m) =>
            h(
              'li',
              { key: m, className: 'jm-step' },
              h('span', { className: 'jm-touchpoint' }, (step && step.touchpoint) || 'Touchpoint not named'),
              emotionChip(step ? step.emotion : undefined),
            ),
          ),
        ),
      ),
    );
    return h(
      'article',
      { className: 'jm-preview' },
      h('h1', {}, raw.title || 'Untitled journey'),
      raw.summary ? h('p', { className: 'jm-summary' }, raw.summary) : null,
      blocks.length ? h('div', { className: 'jm-grid' }, columns) : h('p', {}, 'No stage yet: add one under Stages.'),
      this.props.widgetFor('body'),
    );
  },
});

const config = YAML.parse(await (await fetch('config.yml')).text());
for (const collection of config.collections) {
  if (collection.format && collection.format.startsWith(FORMAT_PREFIX)) {
    CMS.registerCustomFormat(collection.format, collection.extension, formatFor(collection));
  }
}
CMS.registerPreviewStyle('journeys-editor-preview.css');
CMS.registerPreviewTemplate('journeys', JourneyPreview);
CMS.init();
