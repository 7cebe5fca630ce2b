// A configuration section maps environment variables to typed fields. Each
// area (server, auth, projects, mediation, …) declares its own section in
// `config/sections/`, and `config/schema.ts` lists the sections; adding a
// variable means adding one entry here-and-there, nothing else.
import type { z } from 'zod';

export interface EnvVarSpec<S extends z.ZodType = z.ZodType> {
  /** The environment variable's name, e.g. "PORT". */
  env: string;
  /** Validates and converts the raw string (or undefined when unset); defaults live here. */
  schema: S;
  /** One line for `.env.example` and for error messages. */
  doc: string;
  /** Example value written to `.env.example` (commented out when the variable is optional). */
  example?: string;
  /** Never echo the value in error lines (passwords, secrets). */
  secret?: boolean;
}

export type SectionSpec = Record<string, EnvVarSpec>;

export type SectionValue<S extends SectionSpec> = { [K in keyof S]: z.output<S[K]['schema']> };

export type ConfigValue<T extends Record<string, SectionSpec>> = { [K in keyof T]: SectionValue<T[K]> };

/** Identity helper that keeps the literal types of a section. */
export function defineSection<S extends SectionSpec>(spec: S): S {
  return spec;
}

export function envVar<S extends z.ZodType>(spec: EnvVarSpec<S>): EnvVarSpec<S> {
  return spec;
}
