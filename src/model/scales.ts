/** A survey scale: several Likert items read together as one measure (docs/surveys.md, "Scales"). */
export interface ScaleItem {
  /** The item as the people file heads its column: the question text, or the column name. */
  item: string;
  /** Reverse-coded: the score counts min + max − answer. */
  reverse: boolean;
}

export interface ScaleDefinition {
  scale: string;
  items: ScaleItem[];
  /** The response scale's ends (e.g. 1 and 5); answers outside them are refused. */
  min: number;
  max: number;
  /** A person gets a score only when they answered at least this many of the items. */
  minItems: number;
}
