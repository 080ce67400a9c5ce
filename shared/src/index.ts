/** What the client and the server of Polyphony agree on. Nothing here needs Node or React. */

export * from './api/eventLoop.js';
export * from './api/history.js';
export * from './api/meetings.js';
export * from './api/networks.js';
export * from './api/privacy.js';
export * from './api/teams.js';
export * from './api/video.js';
export * from './errors.js';
export * from './i18n/archiveWords.js';
export * from './i18n/fill.js';
export * from './i18n/languages.js';
export * from './i18n/laterChangeText.js';
export * from './i18n/meetingWords/index.js';
export * from './limits.js';
export * from './protocol/closeCodes.js';
export * from './protocol/messages.js';
export * from './protocol/ownPresence.js';
export * from './protocol/version.js';
export * from './roles.js';
export * from './schema/attribution.js';
export * from './schema/document.js';
export * from './schema/laterChanges.js';
export * from './schema/presence.js';
export * from './schema/read.js';
export * from './schema/rules.js';
export * from './schema/text.js';
