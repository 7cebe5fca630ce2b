export { loadConfig, loadConfigOrExit, listEnvVars, ConfigError, DEV_JWT_SECRET, DEV_TEMPORAL_PAYLOAD_KEY, DEV_TEMPORAL_PAYLOAD_KEY_ID } from './load';
export type { Env, LoadConfigResult } from './load';
export { CONFIG_SECTIONS } from './schema';
export type { AppConfig } from './schema';
export { defineSection, envVar } from './define';
export type { EnvVarSpec, SectionSpec } from './define';
export { DEFAULT_PROCESS_RULES, processRulesFrom } from './rules';
export type { ProcessRules } from './rules';
