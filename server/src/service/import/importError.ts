/** Input `isnad import` cannot turn into markup: the message says what and where, for the user. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}
