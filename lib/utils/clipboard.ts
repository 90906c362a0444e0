/**
 * Copies text in the browser. navigator.clipboard exists only in secure contexts, and
 * self-hosted instances may run on plain http, so it falls back to a hidden textarea.
 */
export async function writeToClipboard(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const textarea = document.createElement("textarea");
  textarea.value = text;
  textarea.setAttribute("readonly", "");
  textarea.style.position = "fixed";
  textarea.style.opacity = "0";
  document.body.append(textarea);
  textarea.select();
  const isSuccessful = document.execCommand("copy");
  textarea.remove();
  if (!isSuccessful) throw new Error("Copy command was rejected");
}
