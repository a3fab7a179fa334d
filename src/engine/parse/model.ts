/** The typed model of a parsed policy: every element keeps its source range. */
import type { SourceRange } from '../types.ts';

/** A JSON value with where it stands in the text. */
export interface Located<T = unknown> {
  value: T;
  range: SourceRange;
}

/** A policy element: the key's range and the value's. */
export interface Element<T = unknown> extends Located<T> {
  name: string;
  keyRange: SourceRange;
}

/** A string-or-list element (Action, Resource, ...): each entry with its range. */
export interface ListElement extends Element {
  entries: Located<unknown>[];
  /** True when written as a list. */
  isArray: boolean;
}

export interface ConditionEntry {
  operator: string;
  operatorRange: SourceRange;
  key: string;
  keyRange: SourceRange;
  values: Located<unknown>[];
  /** The range of the whole value (string or list). */
  valueRange: SourceRange;
}

export interface PrincipalEntry {
  /** `*` when the element is the string `"*"`, else the principal type (`AWS`, `Service`, ...). */
  type: string;
  typeRange: SourceRange;
  value: unknown;
  range: SourceRange;
}

export interface ParsedStatement {
  index: number;
  range: SourceRange;
  /** False when the statement is not a JSON object. */
  isObject: boolean;
  elements: Element[];
  sid?: Element;
  effect?: Element;
  action?: ListElement;
  notAction?: ListElement;
  resource?: ListElement;
  notResource?: ListElement;
  principal?: Element;
  notPrincipal?: Element;
  principalEntries: PrincipalEntry[];
  condition?: Element;
  conditions: ConditionEntry[];
}

export interface ParsedPolicy {
  range: SourceRange;
  /** False when the root is not a JSON object. */
  isObject: boolean;
  elements: Element[];
  version?: Element;
  id?: Element;
  statement?: Element;
  statements: ParsedStatement[];
  /** The whole document as plain JSON (for `compilePolicies`). */
  document: unknown;
}
