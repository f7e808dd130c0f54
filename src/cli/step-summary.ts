// Appends Markdown to the job summary of a GitHub Actions step: the file
// named by GITHUB_STEP_SUMMARY. The runner sets it; elsewhere nothing is written.
import { appendFileSync, statSync } from "node:fs";
import { SUMMARY_MAX_BYTES } from "../lib/job-summary.ts";

/**
 * Writes what `render(budget)` returns, `budget` being the bytes left under
 * GitHub's limit once what the step already wrote is counted. Returns a
 * French warning when the file cannot be written (validation results stand).
 */
export function appendStepSummary(render: (budget: number) => string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const file = env.GITHUB_STEP_SUMMARY;
  if (!file) return undefined;
  let used = 0;
  try {
    used = statSync(file).size;
  } catch {
    used = 0;
  }
  // A blank line keeps this Markdown apart from what the step already wrote.
  const separator = used > 0 ? "\n" : "";
  const markdown = render(SUMMARY_MAX_BYTES - used - separator.length);
  if (markdown === "") return undefined;
  try {
    appendFileSync(file, separator + markdown);
    return undefined;
  } catch (error) {
    return `résumé non écrit dans GITHUB_STEP_SUMMARY (${(error as NodeJS.ErrnoException).code ?? "erreur"})`;
  }
}
