/** `%text%` for ILIKE, with the wildcard characters of the text escaped (a `%` typed is a `%`). */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
