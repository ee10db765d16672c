// Files that are either the old version or the new one, never half written: write a temporary file
// beside the target, then rename it over the target (atomic on one file system).
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** `data` may come in chunks (an async iterable of bytes): they are written as they come, never gathered. */
export async function writeFileAtomic(file: string, data: string | Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
