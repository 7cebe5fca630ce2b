// Every configuration section, keyed by area. To add variables: write a
// section in `sections/` (see `sections/server.ts`) and list it here; the
// loader, the error lines and the `.env.example` check pick it up.
import type { ConfigValue } from './define';
import type { ProcessRules } from './rules';
import { authSection } from './sections/auth';
import { appSection } from './sections/common';
import { serverSection } from './sections/server';
import { databaseSection, redisSection, temporalSection } from './sections/services';
import { gridSection } from './grid';
import { mediationSection } from './mediation';
import { projectSection } from './project';
import { reportingSection } from './reporting';

export const CONFIG_SECTIONS = {
  app: appSection,
  server: serverSection,
  auth: authSection,
  database: databaseSection,
  redis: redisSection,
  temporal: temporalSection,
  project: projectSection,
  mediation: mediationSection,
  reporting: reportingSection,
  grid: gridSection,
};

type Sections = typeof CONFIG_SECTIONS;

/**
 * The validated configuration. `auth.jwtSecret`, `temporal.payloadKey` and
 * `temporal.payloadKeyId` are always set after loading; `rules` are the
 * process rules built from the project, mediation and reporting sections.
 */
export type AppConfig = Omit<ConfigValue<Sections>, 'auth' | 'temporal'> & {
  auth: Omit<ConfigValue<Sections>['auth'], 'jwtSecret'> & { jwtSecret: string };
  temporal: Omit<ConfigValue<Sections>['temporal'], 'payloadKey' | 'payloadKeyId'> & { payloadKey: string; payloadKeyId: string };
  rules: ProcessRules;
};
