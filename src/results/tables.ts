import type { Table } from './contracts.ts';
import { tableUnits } from './units.ts';

/** A task output's tables with the units of their columns beside them. */
export function withTableUnits(tables: Record<string, Table>): { tables: Record<string, Table>; tableUnits: Record<string, Record<string, string>> } {
  return { tables, tableUnits: tableUnits(tables) };
}
