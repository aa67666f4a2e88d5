export interface CodeSequencesTable {
  /** e.g. "student_no:25:07" or "subject:07"; rows are never deleted, so numbers are never reused. */
  name: string;
  next_value: number;
}

export interface IssuedCodesTable {
  /** "student_no", "subject" or "department"; every code ever issued stays here. */
  kind: string;
  code: string;
}
