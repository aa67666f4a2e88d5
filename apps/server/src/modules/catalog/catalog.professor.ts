/** A section's professor, or null for 교수 미정 (never assigned, or deleted since). */
export function professorOrTba(id: number | null, name: string | null): { id: number; name: string } | null {
  return id !== null && name !== null ? { id, name } : null;
}
