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
  /**
   * Writes a value back the way the variable is spelt in the environment, so
   * `.env.example` can show the default; needed when the schema turns the
   * string into an object (the generator refuses such a default without it).
   */
  format?: (value: z.output<S>) => string;
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

/** A blank value counts as unset, so `VAR=` in an env file means "use the default". */
export const blankAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * Parses one section alone: the process rules are read again whenever an
 * instance starts, not only at boot. Returns the values and one line per bad
 * variable.
 */
export function parseSection<S extends SectionSpec>(section: S, env: Record<string, string | undefined>): { values: SectionValue<S>; lines: string[] } {
  const values: Record<string, unknown> = {};
  const lines: string[] = [];
  for (const [field, spec] of Object.entries(section)) {
    const parsed = (spec.schema as z.ZodType).safeParse(env[spec.env]);
    if (parsed.success) values[field] = parsed.data;
    else lines.push(`${spec.env}: ${parsed.error.issues.map((i) => i.message).join('; ')} — ${spec.doc}`);
  }
  return { values: values as SectionValue<S>, lines };
}

/** The environment variables a loader reads (process.env by default, at the entry point only). */
export type Env = Record<string, string | undefined>;
