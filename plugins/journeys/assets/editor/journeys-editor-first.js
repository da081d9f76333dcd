// Runs before Decap CMS's bundle: the CMS waits for journeys-editor.js to register the formats
// the configuration names before it reads any file.
window.CMS_MANUAL_INIT = true;
