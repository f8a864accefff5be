// Save text or a Blob as a file through a temporary object URL.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(text: string, fileName: string, type = 'text/plain'): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

export function safeFileName(name: string, ext: string): string {
  const base = name.trim().replace(/[^\p{L}\p{N}_ -]+/gu, '').replace(/\s+/g, '-').slice(0, 80) || 'notebook';
  return `${base}.${ext}`;
}
