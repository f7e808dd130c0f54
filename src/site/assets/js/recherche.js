// @ts-check
// The search page, built on Pagefind's JavaScript API (pagefind.js)
// and styled with the DSFR. The query, the filters and the sort order live in
// the page address (history.replaceState), so a search can be bookmarked and
// shared. Results are built with DOM methods and textContent only: no value
// from the index is ever parsed as HTML.
// https://pagefind.app/docs/api/

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/** @typedef {{ key: string, label: string }} Group */
/** @typedef {{ groups: Group[], themes: { id: string, shortTitle: string }[], levels: Record<string, { label: string, shortLabel: string, className: string }>, urls: { pagefind: string, pagefindBaseUrl: string, logoPattern: string } }} Config */

/** @type {Config} */
const config = JSON.parse(document.getElementById("recherche-config")?.textContent ?? "{}");
/** Where the build copies a solution's logo (src/view/urls.ts): only those are shown. */
const LOGO_PATH = new RegExp(config.urls.logoPattern);
const form = /** @type {HTMLFormElement} */ (document.getElementById("recherche-formulaire"));
const input = /** @type {HTMLInputElement} */ (document.getElementById("recherche-input"));
const sortSelect = /** @type {HTMLSelectElement} */ (document.getElementById("recherche-tri"));
const status = /** @type {HTMLElement} */ (document.getElementById("recherche-statut"));
const list = /** @type {HTMLUListElement} */ (document.getElementById("recherche-resultats"));
const more = /** @type {HTMLButtonElement} */ (document.getElementById("recherche-plus"));
const reset = /** @type {HTMLButtonElement} */ (document.getElementById("recherche-reinitialiser"));
const filterBox = /** @type {HTMLElement} */ (document.getElementById("recherche-filtres"));
const activeCount = /** @type {HTMLElement} */ (document.getElementById("recherche-filtres-actifs"));
const groupKeys = config.groups.map((g) => g.key);

/** @type {any} */
let pagefind;
/** @type {any[]} */
let results = [];
let shown = 0;
let searchId = 0;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let debounce;

/** The state of the page, read from and written to its address. */
function readState() {
  const params = new URLSearchParams(window.location.search);
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const key of groupKeys) {
    const values = params.getAll(key).filter(Boolean);
    if (values.length) filters[key] = values;
  }
  const sort = params.get("tri") ?? "";
  // « conformite » was this sort's name in earlier addresses.
  const known = sort === "conformite" ? "favorables" : sort;
  return { query: params.get("q") ?? "", filters, sort: ["nom", "favorables"].includes(known) ? known : "" };
}

/** @param {{ query: string, filters: Record<string, string[]>, sort: string }} state */
function writeState(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.sort) params.set("tri", state.sort);
  for (const key of groupKeys) for (const value of state.filters[key] ?? []) params.append(key, value);
  const search = params.toString();
  history.replaceState(null, "", `${window.location.pathname}${search ? `?${search}` : ""}`);
}

function currentState() {
  /** @type {Record<string, string[]>} */
  const filters = {};
  for (const box of filterBox.querySelectorAll("input[type=checkbox]:checked")) {
    const checkbox = /** @type {HTMLInputElement} */ (box);
    (filters[checkbox.name] ??= []).push(checkbox.value);
  }
  const sort = sortSelect.value === "pertinence" ? "" : sortSelect.value;
  return { query: input.value.trim(), filters, sort };
}

/** @param {string} tag @param {string} [className] @param {string} [text] */
function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Pagefind's excerpt marks matches with <mark>; everything else is shown as text. */
function excerptNode(/** @type {string} */ excerpt) {
  const p = element("p");
  const decode = (/** @type {string} */ s) =>
    s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#0?39;/g, "'").replace(/&amp;/g, "&");
  excerpt.split(/(<mark>|<\/mark>)/).reduce((inMark, piece) => {
    if (piece === "<mark>") return true;
    if (piece === "</mark>") return false;
    if (piece) p.append(inMark ? element("mark", "", decode(piece)) : document.createTextNode(decode(piece)));
    return inMark;
  }, false);
  return p;
}

/** Fills each filter group with its values and their result counts. */
function renderFilters(
  /** @type {Record<string, Record<string, number>>} */ all,
  /** @type {Record<string, Record<string, number>>} */ counts,
  /** @type {Record<string, string[]>} */ selected,
) {
  for (const group of config.groups) {
    const fieldset = filterBox.querySelector(`fieldset[data-filter="${group.key}"]`);
    if (!fieldset) continue;
    const values = Object.keys(all[group.key] ?? {}).sort((a, b) => a.localeCompare(b, "fr"));
    const existing = new Map();
    for (const box of fieldset.querySelectorAll("input[type=checkbox]")) existing.set(/** @type {HTMLInputElement} */ (box).value, box);
    fieldset.querySelector("[data-placeholder]")?.remove();
    if (!values.length && !fieldset.querySelector(".fr-fieldset__element")) {
      fieldset.append(element("p", "fr-fieldset__element fr-text--sm catalogue-muted", "Aucune valeur"));
    }
    values.forEach((value, index) => {
      const count = counts[group.key]?.[value] ?? 0;
      let checkbox = existing.get(value);
      if (!checkbox) {
        const id = `filtre-${group.key}-${index}`;
        const wrapper = element("div", "fr-fieldset__element");
        const box = element("div", "fr-checkbox-group fr-checkbox-group--sm");
        checkbox = /** @type {HTMLInputElement} */ (element("input"));
        checkbox.type = "checkbox";
        checkbox.id = id;
        checkbox.name = group.key;
        checkbox.value = value;
        checkbox.addEventListener("change", () => run(true));
        const label = /** @type {HTMLLabelElement} */ (element("label", "fr-label"));
        label.htmlFor = id;
        box.append(checkbox, label);
        wrapper.append(box);
        fieldset.append(wrapper);
      }
      checkbox.checked = (selected[group.key] ?? []).includes(value);
      const label = checkbox.nextElementSibling;
      if (label) {
        const number = element("span", "catalogue-filter-count", String(count));
        number.append(element("span", "fr-sr-only", count > 1 ? " résultats" : " résultat"));
        label.replaceChildren(document.createTextNode(value), number);
      }
    });
  }
}

/** One result: a DSFR card-like block with the solution's name, provider, description and badges. */
async function renderResult(/** @type {any} */ result, /** @type {boolean} */ withExcerpt) {
  const data = await result.data();
  const meta = data.meta ?? {};
  const li = element("li", "catalogue-result");
  const card = element("div", "fr-card fr-card--horizontal fr-enlarge-link");
  const body = element("div", "fr-card__body");
  const content = element("div", "fr-card__content");
  const title = element("h3", "fr-card__title");
  const link = /** @type {HTMLAnchorElement} */ (element("a", "", meta.title ?? data.url));
  link.href = data.url;
  title.append(link);
  content.append(title);
  // With a query, the excerpt (matches marked) replaces the short description.
  const desc = withExcerpt && data.excerpt ? excerptNode(data.excerpt) : element("p", "", meta.description ?? "");
  desc.className = "fr-card__desc";
  content.append(desc);
  const start = element("div", "fr-card__start");
  start.append(element("p", "fr-card__detail fr-icon-building-line", meta.fournisseur ?? ""));
  content.append(start);
  const end = element("div", "fr-card__end");
  if (meta.evaluation) end.append(element("p", "fr-badge fr-badge--sm fr-badge--warning fr-mb-1w", meta.evaluation));
  const badges = element("ul", "fr-badges-group fr-badges-group--sm");
  for (const theme of config.themes) {
    const level = config.levels[meta[`niveau-${theme.id}`]];
    if (!level) continue;
    const item = element("li");
    // An « incomplet » level says how many essential answers are missing, as on the catalogue's cards.
    const missing = Number(meta[`manquantes-${theme.id}`] ?? 0);
    const count = missing ? ` (${missing} réponse${missing > 1 ? "s" : ""} manquante${missing > 1 ? "s" : ""})` : "";
    item.append(element("p", `fr-badge fr-badge--sm ${level.className}`, `${theme.shortTitle}\u00a0: ${level.shortLabel}${count}`));
    badges.append(item);
  }
  end.append(badges);
  if (meta.favorables) end.append(element("p", "fr-card__detail fr-mt-1w", `Réponses favorables, tous thèmes\u00a0: ${meta.favorables}`));
  content.append(end);
  body.append(content);
  card.append(body);
  // The logo, as on the catalogue's cards: decorative (the name is the link
  // text), and only from where the build puts logos.
  if (typeof meta.image === "string" && LOGO_PATH.test(meta.image)) {
    const header = element("div", "fr-card__header");
    const frame = element("div", "fr-card__img catalogue-card__logo");
    const img = /** @type {HTMLImageElement} */ (element("img"));
    img.src = meta.image;
    img.alt = "";
    img.width = 64;
    img.height = 64;
    img.loading = "lazy";
    frame.append(img);
    header.append(frame);
    card.append(header);
  }
  li.append(card);
  return li;
}

/** The next page of results, rendered but not yet in the page (null if a newer search started). */
async function nextItems(/** @type {number} */ id) {
  const slice = results.slice(shown, shown + PAGE_SIZE);
  const withExcerpt = input.value.trim() !== "";
  const items = await Promise.all(slice.map((r) => renderResult(r, withExcerpt)));
  return id === searchId ? items : null;
}

async function showMore() {
  const id = searchId;
  const items = await nextItems(id);
  if (!items) return;
  list.append(...items);
  shown += items.length;
  more.hidden = shown >= results.length;
  items[0]?.querySelector("a")?.focus();
}

function describe(/** @type {number} */ total, /** @type {{ query: string, filters: Record<string, string[]> }} */ state) {
  const count = total === 0 ? "Aucune solution trouvée" : total === 1 ? "1 solution trouvée" : `${total} solutions trouvées`;
  const filters = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
  const parts = [count];
  if (state.query) parts.push(`pour «\u00a0${state.query}\u00a0»`);
  if (filters) parts.push(`avec ${filters} filtre${filters > 1 ? "s" : ""}`);
  return parts.join(" ");
}

/** @type {Record<string, Record<string, number>>} */
let allFilters = {};

/** Filters as Pagefind takes them: the values of one group are OR'ed, groups are AND'ed. */
function pagefindFilters(/** @type {Record<string, string[]>} */ selected, /** @type {string} [without] */ without) {
  /** @type {Record<string, { any: string[] }>} */
  const filters = {};
  for (const [key, values] of Object.entries(selected)) if (key !== without) filters[key] = { any: values };
  return filters;
}

async function run(/** @type {boolean} */ updateAddress) {
  const id = ++searchId;
  const state = currentState();
  if (updateAddress) writeState(state);
  // Without a query, Pagefind lists every page only when given a sort order.
  const sort = state.sort === "nom" ? { nom: "asc" } : state.sort === "favorables" ? { favorables: "desc" } : state.query ? undefined : { nom: "asc" };
  const term = state.query || null;
  const options = (/** @type {string} [without] */ without) => ({ filters: pagefindFilters(state.filters, without), ...(sort ? { sort } : {}) });
  // The counts of a group that has a selection come from a search without
  // that group's own selection (faceted search): its other values would add
  // results, and the counts say how many. One more search per such group.
  const selectedGroups = Object.keys(state.filters);
  const [search, ...own] = await Promise.all([pagefind.search(term, options()), ...selectedGroups.map((key) => pagefind.search(term, options(key)))]);
  if (id !== searchId || !search) return;
  /** @type {Record<string, Record<string, number>>} */
  const counts = { ...(search.filters ?? {}) };
  selectedGroups.forEach((key, i) => {
    const groupCounts = own[i]?.filters?.[key];
    if (groupCounts) counts[key] = groupCounts;
  });
  results = search.results;
  shown = 0;
  const items = await nextItems(id);
  if (!items) return;
  // The page changes in one go, and the status line last: it is a live
  // region, and what it announces must already be on the page.
  list.replaceChildren(...items);
  shown = items.length;
  more.hidden = shown >= results.length;
  renderFilters(allFilters, counts, state.filters);
  const active = Object.values(state.filters).reduce((n, values) => n + values.length, 0);
  activeCount.textContent = active ? `\u00a0(${active} actif${active > 1 ? "s" : ""})` : "";
  status.textContent = describe(results.length, state);
}

async function start() {
  try {
    pagefind = await import(config.urls.pagefind);
    // Results' URLs are full links (src/view/urls.ts): Pagefind must not put the base path before them a second time.
    await pagefind.options({ excerptLength: 24, baseUrl: config.urls.pagefindBaseUrl });
    await pagefind.init();
    // Filter values and counts: loaded here only, the search page being the only one that needs them.
    allFilters = await pagefind.filters();
  } catch (error) {
    status.textContent = "La recherche n'a pas pu être chargée. Parcourez le catalogue, les thèmes ou les catégories.";
    console.error(error);
    return;
  }
  const state = readState();
  input.value = state.query;
  sortSelect.value = state.sort || "pertinence";
  renderFilters(allFilters, allFilters, state.filters);
  await run(false);

  input.addEventListener("input", () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => run(true), DEBOUNCE_MS);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounce);
    run(true);
  });
  sortSelect.addEventListener("change", () => run(true));
  more.addEventListener("click", () => showMore());
  reset.addEventListener("click", () => {
    input.value = "";
    sortSelect.value = "pertinence";
    for (const box of filterBox.querySelectorAll("input[type=checkbox]")) /** @type {HTMLInputElement} */ (box).checked = false;
    run(true);
    input.focus();
  });
}

start();
