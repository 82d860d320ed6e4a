export { ConfigError, parseEnv, readEnv } from './parse-env';
export { baseEnv, databaseEnv, httpEnv, isDevelopment, secret, type BaseEnv } from './fields';
