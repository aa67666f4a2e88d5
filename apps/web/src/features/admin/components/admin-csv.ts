/** Excel only reads a CSV as UTF-8 (한글 intact) when the file starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF';

function cell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 text (CRLF line ends) with the BOM first. */
export function toCsvText(rows: readonly (readonly (string | number)[])[]): string {
  return UTF8_BOM + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text made here as a file, without a round trip to the server. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by now; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
