/** A stored thing that does not exist (or was deleted): the API answers 404. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** What a conflicting save is told of the notebook as it now is, so the client can merge. */
export interface CurrentState {
  source: string;
  updated_at: string;
  author: string | null;
}

/** A save against a version that is no longer the current one: the API answers 412 with `current`. */
export class VersionConflictError extends Error {
  override readonly name = 'VersionConflictError';
  constructor(
    readonly expected: number,
    readonly current: number,
    readonly state?: CurrentState,
  ) {
    super(`The notebook is at version ${current}, not ${expected}: someone saved it since you opened it. Reload it (or merge) and save again.`);
  }
}

/** A name or request the store refuses (bad dataset name, name taken): the API answers 400 or 409. */
export class StorageInputError extends Error {
  override readonly name = 'StorageInputError';
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message);
  }
}
