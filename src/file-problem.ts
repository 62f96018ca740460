/**
 * What went wrong with a file or folder, in the user's words: the file system's error code (EACCES,
 * ENOSPC, EISDIR…) said as a reason. Messages name the path and add what to do where they know it;
 * the CLI turns any file-system error nobody caught into `pos-sim: <path>: <reason>`, exit 2.
 */
import type { MessageKey } from './i18n/messages.js';
import { toolText } from './i18n/tool-lang.js';

/** An error from node:fs, which says which path and what went wrong. */
export type FileSystemError = NodeJS.ErrnoException & { readonly code: string; readonly path: string };

export const isFileSystemError = (error: unknown): error is FileSystemError =>
  error instanceof Error &&
  typeof (error as NodeJS.ErrnoException).code === 'string' &&
  typeof (error as NodeJS.ErrnoException).path === 'string';

const REASONS: Readonly<Record<string, MessageKey>> = {
  EACCES: 'file.EACCES',
  EPERM: 'file.EPERM',
  ENOSPC: 'file.ENOSPC',
  EDQUOT: 'file.EDQUOT',
  EROFS: 'file.EROFS',
  EISDIR: 'file.EISDIR',
  ENOTDIR: 'file.ENOTDIR',
  EEXIST: 'file.EEXIST',
  ENOENT: 'file.ENOENT',
  EMFILE: 'file.EMFILE',
  ENFILE: 'file.EMFILE',
  ELOOP: 'file.ELOOP',
  ENAMETOOLONG: 'file.ENAMETOOLONG',
  EIO: 'file.EIO',
};

/** Why a file operation failed, e.g. "permission denied (EACCES)"; the error's own words for a rare code. */
export const fileReason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const key = code === undefined ? undefined : REASONS[code];
  return key ? toolText(key) : (error as Error).message;
};

/** `<path>: <reason>`, for a file-system error no one gave a better message. */
export const fileProblem = (error: FileSystemError): string => toolText('file.problem', { path: error.path, reason: fileReason(error) });
