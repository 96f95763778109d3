/**
 * A file the coach picked is checked by its size before the page reads it: a file far larger
 * than any roster, results file or backup is refused at once, with a sentence, instead of being
 * read (and base64-encoded) only to hear it is too large.
 */

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/** The sentence to show, or null when the file is small enough. */
export function fileTooLargeMessage(file: Pick<File, 'name' | 'size'>, maxBytes: number, what: string): string | null {
  if (file.size <= maxBytes) return null;
  return `${file.name} is ${megabytes(file.size)}; ${what} is at most ${megabytes(maxBytes)}. Check it is the right file.`;
}
