// The search-attribute registry: built-in attributes, the custom ones of
// each namespace (OperatorService Add/List/RemoveSearchAttributes), their
// value types. Below visibility and the core: it only records, through the
// `persist` callback it is given.
import { invalidArgument, notFound } from './errors';
import type { ValueType } from './list-filter';

export const INDEXED_TYPES: Record<ValueType, string> = {
  Keyword: 'INDEXED_VALUE_TYPE_KEYWORD',
  Text: 'INDEXED_VALUE_TYPE_TEXT',
  Int: 'INDEXED_VALUE_TYPE_INT',
  Double: 'INDEXED_VALUE_TYPE_DOUBLE',
  Bool: 'INDEXED_VALUE_TYPE_BOOL',
  Datetime: 'INDEXED_VALUE_TYPE_DATETIME',
  KeywordList: 'INDEXED_VALUE_TYPE_KEYWORD_LIST',
};
const VALUE_TYPES = new Map(Object.entries(INDEXED_TYPES).map(([k, v]) => [v, k as ValueType]));

export const SYSTEM_ATTRIBUTES: Record<string, ValueType> = {
  WorkflowId: 'Keyword',
  RunId: 'Keyword',
  WorkflowType: 'Keyword',
  ExecutionStatus: 'Keyword',
  TaskQueue: 'Keyword',
  StartTime: 'Datetime',
  CloseTime: 'Datetime',
  ExecutionTime: 'Datetime',
  HistoryLength: 'Int',
  // Set by schedules on the workflows they start.
  TemporalScheduledStartTime: 'Datetime',
  TemporalScheduledById: 'Keyword',
};

/** System attributes a start may carry (Temporal lets schedules and their callers set these). */
const SETTABLE_SYSTEM_ATTRIBUTES = new Set(['TemporalScheduledStartTime', 'TemporalScheduledById']);

/** What `temporal server start-dev` registers, so Temporal's samples run unchanged. */
export const DEFAULT_CUSTOM_ATTRIBUTES: Record<string, ValueType> = {
  CustomKeywordField: 'Keyword',
  CustomStringField: 'Text',
  CustomTextField: 'Text',
  CustomIntField: 'Int',
  CustomDoubleField: 'Double',
  CustomBoolField: 'Bool',
  CustomDatetimeField: 'Datetime',
};

/** Custom search attributes per namespace; changes are written to the store. */
export class SearchAttributeRegistry {
  private readonly byNamespace = new Map<string, Map<string, ValueType>>();

  constructor(
    loaded: Record<string, Record<string, string>> | undefined,
    private readonly persist: (namespace: string, attributes: Record<string, string>) => void,
  ) {
    for (const [ns, attrs] of Object.entries(loaded ?? {})) {
      this.byNamespace.set(ns, new Map(Object.entries(attrs).map(([k, v]) => [k, v as ValueType])));
    }
  }

  custom(namespace: string): Map<string, ValueType> {
    let attrs = this.byNamespace.get(namespace);
    if (!attrs) this.byNamespace.set(namespace, (attrs = new Map(Object.entries(DEFAULT_CUSTOM_ATTRIBUTES))));
    return attrs;
  }

  typeOf(namespace: string, field: string): ValueType | undefined {
    return SYSTEM_ATTRIBUTES[field] ?? this.custom(namespace).get(field);
  }

  /**
   * Refuses, as Temporal's frontend does, search attributes a start names that
   * the namespace has not registered (INVALID_ARGUMENT, "search attribute X is
   * not defined") and system attributes a caller may not set. Only names are
   * checked, not whether each value fits its type.
   */
  validate(namespace: string, searchAttributes: { indexedFields?: Record<string, unknown> | null } | null | undefined): void {
    for (const name of Object.keys(searchAttributes?.indexedFields ?? {})) {
      if (SYSTEM_ATTRIBUTES[name]) {
        if (SETTABLE_SYSTEM_ATTRIBUTES.has(name)) continue;
        throw invalidArgument(`search attribute ${name} is reserved by system`);
      }
      if (!this.custom(namespace).has(name)) throw invalidArgument(`search attribute ${name} is not defined`);
    }
  }

  add(namespace: string, attributes: Record<string, string | undefined>): void {
    const custom = this.custom(namespace);
    for (const [name, indexed] of Object.entries(attributes)) {
      const type = VALUE_TYPES.get(indexed ?? '');
      if (!type) throw invalidArgument(`Unknown search attribute type ${indexed} for ${name}`);
      if (SYSTEM_ATTRIBUTES[name]) throw invalidArgument(`Search attribute ${name} is reserved by system.`);
      const existing = custom.get(name);
      if (existing && existing !== type) {
        throw invalidArgument(`Search attribute ${name} already exists with type ${INDEXED_TYPES[existing]}.`);
      }
    }
    for (const [name, indexed] of Object.entries(attributes)) custom.set(name, VALUE_TYPES.get(indexed ?? '')!);
    this.persist(namespace, Object.fromEntries(custom));
  }

  remove(namespace: string, names: string[]): void {
    const custom = this.custom(namespace);
    for (const name of names) {
      if (!custom.has(name)) throw notFound(`Search attribute ${name} doesn't exist.`);
    }
    for (const name of names) custom.delete(name);
    this.persist(namespace, Object.fromEntries(custom));
  }

  list(namespace: string): { customAttributes: Record<string, string>; systemAttributes: Record<string, string>; storageSchema: Record<string, string> } {
    return {
      customAttributes: Object.fromEntries([...this.custom(namespace)].map(([k, v]) => [k, INDEXED_TYPES[v]])),
      systemAttributes: Object.fromEntries(Object.entries(SYSTEM_ATTRIBUTES).map(([k, v]) => [k, INDEXED_TYPES[v]])),
      storageSchema: {},
    };
  }

  snapshot(): Record<string, Record<string, string>> {
    return Object.fromEntries([...this.byNamespace].map(([ns, attrs]) => [ns, Object.fromEntries(attrs)]));
  }
}

