// Screenshots of every page type of the fixture site, to look at by eye
// (not a test). Run by hand:
//   node --import tsx tests/browser/screenshots.ts [output folder]
// Writes <page>-<width>.png (full page) at 1280 px and 390 px wide, in light
// mode, and a few dark-mode ones, into /tmp/screens/ by default.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { checkChromium, launchBrowser, openDisclosures, pageTypes, settle, startFixtureSite, waitForSearch } from "./support.ts";

const outDir = path.resolve(process.argv[2] ?? "/tmp/screens");
const check = checkChromium();
if (check.status !== "ready") {
  console.error(check.message);
  process.exit(1);
}
await mkdir(outDir, { recursive: true });

const site = await startFixtureSite();
const browser = await launchBrowser();
const fileName = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/gi, "-").toLowerCase();
try {
  const types = pageTypes(site.catalogue, "signature");
  const solution = types.find((t) => t.name === "solution")!;
  const shots: { name: string; path: string; dark?: boolean; open?: boolean }[] = [
    ...types,
    { name: "recherche filtree", path: "/recherche/?distribution=Logiciel+libre&tri=nom" },
    { name: "solution piege", path: "/solutions/piege/" },
    // Every accordion open: the evaluation tables; on the search page, the filters.
    { name: "solution evaluation", path: solution.path, open: true },
    { name: "recherche filtres ouverts", path: "/recherche/?q=libre&distribution=Logiciel+libre", open: true },
    ...["accueil", "solution", "recherche avec résultats", "grille"].map((name) => ({ ...types.find((t) => t.name === name)!, name: `${name} sombre`, dark: true })),
  ];
  for (const width of [1280, 390]) {
    for (const dark of [false, true]) {
      const context = await browser.newContext({ viewport: { width, height: width > 500 ? 900 : 844 }, deviceScaleFactor: 1, locale: "fr-FR" });
      if (dark) await context.addInitScript(() => location.protocol === "http:" && window.localStorage.setItem("scheme", "dark"));
      const page = await context.newPage();
      for (const shot of shots.filter((s) => !!s.dark === dark)) {
        await page.goto(`${site.baseUrl}${shot.path}`, { waitUntil: "load" });
        if (shot.path.startsWith("/recherche/")) await waitForSearch(page);
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
        await settle(page);
        if (shot.open) {
          // The search filters' « Filtres » button (small screens), then every accordion.
          const toggle = page.locator(".catalogue-search-filters__toggle");
          if ((await toggle.count()) && (await toggle.isVisible())) await toggle.click();
          await openDisclosures(page);
        }
        const file = path.join(outDir, `${fileName(shot.name)}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      if (!dark) {
        // The mobile menu and the display settings, opened.
        await page.goto(`${site.baseUrl}/`);
        await page.waitForFunction(() => document.documentElement.hasAttribute("data-fr-js"));
        if (width < 992) {
          await page.locator("#bouton-menu").click();
          await settle(page);
          await page.screenshot({ path: path.join(outDir, `menu-${width}.png`) });
          await page.keyboard.press("Escape");
          await settle(page);
        }
        await page.getByRole("button", { name: "Paramètres d'affichage" }).click();
        await settle(page);
        await page.screenshot({ path: path.join(outDir, `parametres-affichage-${width}.png`) });
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}
