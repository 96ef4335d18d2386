/** Copies text; false when the clipboard refused (the user then selects the full value by hand). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyThroughSelection(text);
  }
}

function copyThroughSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    // Deprecated but still the only fallback when the async clipboard is unavailable.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
