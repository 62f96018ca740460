/**
 * Errors a user can act on. The CLI prints the message as one block and exits with the code;
 * every message names the file (and line or field) and says what to do.
 */
export class PosSimError extends Error {
  /** Process exit code for this kind of failure. */
  readonly exitCode: number = 2;
  override readonly name: string = 'PosSimError';
}

/** A device profile (fixture) that cannot be read or does not validate. */
export class ProfileError extends PosSimError {
  override readonly name = 'ProfileError';
}

/** The device's stored data is unreadable; the file is left untouched. */
export class StoreCorruptError extends PosSimError {
  override readonly name = 'StoreCorruptError';
}

/** Another pos-sim process is using the same device data. */
export class DeviceInUseError extends PosSimError {
  override readonly name = 'DeviceInUseError';
}

/** A file or folder pos-sim cannot use (a folder where a file should be, no permission, a full disk). */
export class FileError extends PosSimError {
  override readonly name: string = 'FileError';
}

/** The device data could not be saved; what was saved before is kept. */
export class DataWriteError extends FileError {
  override readonly name = 'DataWriteError';
}

/** A command-line flag or argument that makes no sense. */
export class UsageError extends PosSimError {
  override readonly name = 'UsageError';
}
