// Joining two tables: equi-joins (./hash.ts) and as-of joins by time (./asof.ts).
export { joinTables, type JoinHow, type JoinOptions, type JoinResult } from './hash.ts';
export { asofJoin, type AsofDirection, type AsofOptions, type AsofResult } from './asof.ts';
