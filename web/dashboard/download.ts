/** Hands the text to the browser as a download; nothing leaves the machine. */
export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark so spreadsheet programs read the UTF-8 (ministry and item names) as such.
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
