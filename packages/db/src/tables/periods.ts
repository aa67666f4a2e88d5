import type { Generated } from 'kysely';

export type PeriodKind = 'registration' | 'cart' | 'add_drop';

export interface PeriodsTable {
  id: Generated<number>;
  name: string;
  kind: PeriodKind;
  opens_at: number;
  closes_at: number;
  /** Bit (year - 1) set for every student year the period applies to. */
  years_mask: number;
  max_credits: number;
  created_at: number;
}
