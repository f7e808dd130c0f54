// A validated YYYY-MM-DD date shown in French: "2026-01-01" -> "1er janvier 2026".
const format = new Intl.DateTimeFormat("fr-FR", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

export function dateFr(value: unknown): string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return "";
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const text = format.format(new Date(Date.UTC(year, month - 1, day)));
  return day === 1 ? text.replace(/^1 /, "1er ") : text;
}
