// The notice about demonstration content on every page, in the right number:
// « Une fiche sur 5 est une fiche de démonstration : ses informations… » but
// « Sur 5 fiches, 3 sont des fiches de démonstration : leurs informations… ».

const TAIL_ONE = "\u00a0: ses informations n'ont pas été déclarées par le fournisseur cité.";
const TAIL_SEVERAL = "\u00a0: leurs informations n'ont pas été déclarées par les fournisseurs cités.";

/** The sentence for `demo` demonstration files among `total` published ones (empty when there is none). */
export function demoNotice(demo: number, total: number): string {
  if (!(demo > 0) || !(total >= demo)) return "";
  if (demo === total) return demo === 1 ? `La fiche publiée est une fiche de démonstration${TAIL_ONE}` : `Toutes les fiches publiées sont des fiches de démonstration${TAIL_SEVERAL}`;
  return demo === 1 ? `Une fiche sur ${total} est une fiche de démonstration${TAIL_ONE}` : `Sur ${total} fiches, ${demo} sont des fiches de démonstration${TAIL_SEVERAL}`;
}
