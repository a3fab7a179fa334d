import { strToU8, zipSync } from 'fflate';
import type { ExportFile } from '../io';

/** Saves a blob as a file through the browser's download. */
export function downloadBlob(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** One file as itself; several as a zip named `zipName`. */
export function downloadFiles(files: ExportFile[], zipName: string, type = 'text/plain') {
  if (files.length === 1) {
    const [file] = files as [ExportFile];
    downloadBlob(file.name, new Blob([file.text], { type }));
    return;
  }
  const zip = zipSync(Object.fromEntries(files.map((f) => [f.name, strToU8(f.text)])));
  downloadBlob(zipName, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
}

/** A `data:` URL's bytes as a blob (base64 or percent-encoded). */
export function dataUrlBlob(url: string): Blob {
  const comma = url.indexOf(',');
  const header = url.slice(5, comma);
  const type = header.split(';')[0] ?? '';
  const data = url.slice(comma + 1);
  if (!header.endsWith(';base64')) return new Blob([decodeURIComponent(data)], { type });
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}
