/**
 * The reduced YAML tree both registry readers produce (the fast line scanner and the `yaml` package path):
 * just what validation needs, each value with its offset in the file so errors get a line and column.
 */

/** A YAML value reduced to what validation needs, with its offset in the file. */
export interface Raw {
  t: 'str' | 'num' | 'null' | 'bool' | 'list' | 'map' | 'bad';
  /** The scalar as text (numbers and booleans as JavaScript prints them). */
  v?: string;
  items?: Raw[];
  fields?: RawField[];
  /** Offset of the value's first character (for a block list: its first `-`). */
  off: number;
}

export interface RawField {
  key: string;
  keyOff: number;
  value: Raw;
}

/** Reports a problem at a file offset (converted to line and column by the caller). */
export type ErrorSink = (offset: number | undefined, message: string) => void;
