/** The data-access layer: open a store by URL, program against the Store contract. */
export * from './store';
export { openStore, type OpenStoreOptions } from './connect';
export { ConflictError, InvalidReferenceError } from './errors';
