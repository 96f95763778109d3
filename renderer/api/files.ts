/**
 * Files between the page and main. The page never touches the disk: in the desktop app main
 * shows the save/open dialogs and does the file work; in browser mode the page downloads what
 * main made and uploads what the coach picked (same token as every API call).
 */
import { ApiError, browserModeToken } from './client';

function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb >= 10 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

/**
 * A file the coach picked is checked by its size before the page reads it: one far larger than
 * any roster, results file or backup is refused at once with a sentence, instead of being read
 * (and base64-encoded) only to hear it is too large. Null when it is small enough.
 */
export function fileTooLargeMessage(file: Pick<File, 'name' | 'size'>, maxBytes: number, what: string): string | null {
  if (file.size <= maxBytes) return null;
  return `${file.name} is ${megabytes(file.size)}; ${what} is at most ${megabytes(maxBytes)}. Check it is the right file.`;
}

/** Bytes of a file the coach picked, as base64 (for small files sent with an API call, e.g. a roster). */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Browser mode: save a file main prepared (backups.create's download) with the browser's own download. */
export async function downloadPrepared(downloadId: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`./files/download/${encodeURIComponent(downloadId)}`, { headers: { 'x-backchain-token': browserModeToken() } });
  } catch {
    throw new ApiError('internal', 'Backchain is not responding. Is the browser-mode server still running?');
  }
  if (!response.ok) throw new ApiError('not_found', 'The file is no longer waiting to be downloaded; make it again.');
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Browser mode: send a file the coach picked to main; returns the id main knows it by. */
export async function uploadFile(file: File): Promise<string> {
  let response: Response;
  try {
    response = await fetch('./files/upload', {
      method: 'POST',
      headers: {
        'content-type': 'application/octet-stream',
        'x-backchain-token': browserModeToken(),
        'x-backchain-file-name': encodeURIComponent(file.name),
        'x-backchain-file-date': new Date(file.lastModified).toISOString(),
      },
      body: file,
    });
  } catch {
    throw new ApiError('internal', 'Backchain is not responding. Is the browser-mode server still running?');
  }
  const body = (await response.json().catch(() => null)) as { ok?: boolean; value?: { uploadId?: string }; error?: { message?: string } } | null;
  if (!response.ok || !body?.ok || !body.value?.uploadId) throw new ApiError('invalid_input', body?.error?.message ?? 'The file could not be sent to Backchain.');
  return body.value.uploadId;
}
