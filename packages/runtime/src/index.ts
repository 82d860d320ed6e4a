export { createNodeApp, type NodeAppDeps } from './create-node-app';
export { chooseServices, runNode, type RunNodeOptions } from './run-node';
export { runMigrations } from './run-migrations';
export { nodeEnv, type NodeEnv } from './env';
export { loadPlugins, type PluginImporter } from './plugins';
export { documentsSettings, loadSigningKeys, paymentsSettings } from './document-settings';
export { startEventRelays, type EventRelays } from './event-relays';
