// The rules of every process, built once from the validated configuration by
// the entry point and passed down (API deps, activity deps): no module below
// the entry point reads the environment. A running process keeps the rules it
// was started with (they travel in its workflow input).
import { DEFAULT_GRID_RULES, gridRuleProblems, type GridRules } from '../domain/grid/rules';
import { DEFAULT_MEDIATION_RULES, type MediationRules } from '../domain/mediation/rules';
import { DEFAULT_PROJECT_RULES, type ProjectRules } from '../domain/project/rules';
import { DEFAULT_REPORTING_RULES, ruleProblems, type ReportingRules } from '../domain/reporting';
import { gridRulesFrom, type GridSectionValue } from './grid';
import { mediationRulesFrom, type MediationSectionValue } from './mediation';
import { projectRuleProblems, projectRulesFrom, type ProjectSectionValue } from './project';
import { reportingRulesFrom, type ReportingSectionValue } from './reporting';

export interface ProcessRules {
  project: ProjectRules;
  mediation: MediationRules;
  reporting: ReportingRules;
  grid: GridRules;
}

/** The figures of shared/DOMAIN.md: what an unconfigured deployment runs with. */
export const DEFAULT_PROCESS_RULES: ProcessRules = {
  project: DEFAULT_PROJECT_RULES,
  mediation: DEFAULT_MEDIATION_RULES,
  reporting: DEFAULT_REPORTING_RULES,
  grid: DEFAULT_GRID_RULES,
};

export interface ProcessSections {
  project: ProjectSectionValue;
  mediation: MediationSectionValue;
  reporting: ReportingSectionValue;
  grid: GridSectionValue;
}

/** The rules of the parsed sections, and one line per rule that does not hold across variables. */
export function processRulesFrom(sections: ProcessSections): { rules: ProcessRules; problems: string[] } {
  const rules: ProcessRules = {
    project: projectRulesFrom(sections.project),
    mediation: mediationRulesFrom(sections.mediation),
    reporting: reportingRulesFrom(sections.reporting),
    grid: gridRulesFrom(sections.grid),
  };
  return { rules, problems: [...projectRuleProblems(rules.project), ...ruleProblems(rules.reporting), ...gridRuleProblems(rules.grid)] };
}
