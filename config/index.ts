export { loadConfig, loadConfigOrExit, withGeneratedSecrets, listEnvVars, ConfigError } from './load';
export type { Env, LoadConfigResult } from './load';
export { loadOrCreateSecrets, GENERATED_SECRETS, SecretFileError } from './secrets';
export type { GeneratedSecretName, LoadOrCreateSecretsOptions, LoadOrCreateSecretsResult } from './secrets';
export { CONFIG_SECTIONS } from './schema';
export type { AppConfig } from './schema';
export { defineSection, envVar } from './define';
export type { EnvVarSpec, SectionSpec } from './define';
