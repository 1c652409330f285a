/**
 * The public surface of `annotations/`: the model and its schema, import and
 * export. Re-exports only (each module documents itself).
 */
export * from './model/index.ts';
export * from './io/index.ts';
export * from './comparisons/index.ts';
