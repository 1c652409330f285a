/**
 * The public surface of `annotations/`: the model and its schema, import and
 * export. Re-exports only (each module documents itself).
 */
export * from './model/annotation.ts';
export * from './model/selectors.ts';
