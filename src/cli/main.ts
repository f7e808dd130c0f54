// The `catalogue` command. Subcommands load only what they need.
import { escapeControls } from "../lib/text.ts";
import { runMigrate } from "./migrate.ts";
import { runValidate } from "./validate.ts";

const USAGE = `Utilisation : catalogue <commande> [options]

Commandes :
  validate [chemins…]   vérifie les fiches (fichiers ou dossiers ; content/ par défaut)
      --format text|json|github   format des messages (text par défaut)
      --changed                   seulement les fiches ajoutées, modifiées ou renommées par la branche
                                  (et celles dont le logo a changé), comparées à tout le catalogue
      --base <référence>          branche de base de --changed et --scope (origin/main, sinon main)
      --scope                     vérifie qu'une branche qui modifie des fiches ne modifie rien d'autre
      Avec GITHUB_STEP_SUMMARY, ajoute un résumé en Markdown au résumé de l'étape GitHub Actions.
  new [options]         crée le brouillon d'une fiche, avec la grille à renseigner
                        (catalogue new --help détaille les options)
  migrate <fiches…>     réécrit les fiches évaluées selon une grille précédente dans la grille en vigueur
                        et indique les critères à renseigner de nouveau
  preview <fichier>     vérifie une fiche avec le reste du catalogue et sert sa page sur 127.0.0.1
      --port N                    port (un port libre par défaut)
      --no-serve                  écrit la page HTML sur la sortie standard
      --out <dossier>             écrit la page et ses ressources dans un dossier

Codes de sortie : 0 tout est valide, 1 au moins une fiche invalide, 2 erreur d'utilisation.
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return runValidate(rest);
    case "new":
      return (await import("./new.ts")).runNew(rest);
    case "migrate":
      return runMigrate(rest);
    case "preview":
      return (await import("./preview.ts")).runPreviewCommand(rest);
    case "-h":
    case "--help":
    case "help":
      process.stdout.write(USAGE);
      return 0;
    case undefined:
      process.stderr.write(USAGE);
      return 2;
    default:
      process.stderr.write(`catalogue : commande inconnue « ${command.replace(/[^\x20-\x7e\u00a0-\u024f]/g, "?")} »\n\n${USAGE}`);
      return 2;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Never a stack trace with contributor text in it: one escaped line, exit 2.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`catalogue : erreur inattendue : ${escapeControls(message).slice(0, 500)}\n`);
  process.exitCode = 2;
}
