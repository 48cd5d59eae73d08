import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** A file's contents on disk, not only in the operating system's cache. */
export function flushFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename itself on disk; folders cannot be opened for fsync on Windows, where NTFS journals it. */
export function flushFolder(folder: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Written whole or not at all: a temporary file, flushed, then renamed over the old one. A
 * power cut leaves either the old text or the new, never half of one.
 */
export function writeTextWhole(
  path: string,
  text: string,
  options: { flushRename: boolean },
): void {
  const temporary = `${path}.new`;
  const fd = openSync(temporary, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  if (options.flushRename) flushFolder(dirname(path));
}
