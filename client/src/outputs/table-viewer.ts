import { h } from '../shell/dom.js';
import { columnHeader } from './column-header.js';
import { download, delimited, fileStem } from '../shell/download.js';
import { formatCell, type RowQuery, type TableSource } from './table-source.js';
import { columnFormatter, formatAny, type Formatter } from '../../../notebook/value-format.js';

const ROW_HEIGHT = 24;
const PAGE = 100;
const COLUMN_MIN = 120;

/**
 * A virtualized table: only the rows in view exist in the DOM and only their pages are fetched from
 * the source, so a million rows scroll as smoothly as ten. Click a header to sort; type to filter.
 *
 * @example
 * document.body.append(tableViewer(localSource([{ a: 1 }, { a: 2 }]), 'example'));
 */
export function tableViewer(source: TableSource, title = '', options: { format?: Record<string, string> } = {}): HTMLElement {
  const names = source.columns.map((c) => c.name);
  const query: RowQuery = { offset: 0, limit: PAGE };
  const cache = new Map<number, unknown[][]>();
  let total = source.numRows;
  let generation = 0;
  // Header and rows are two grids; they line up only with the same tracks *and* the same width,
  // so both get fixed minimums and one explicit width (never their own max-content).
  // The row index's track is a CSS variable both grids share: a first guess from the digit count,
  // then (once attached) the measured width of the widest index in the font the reader really has.
  const digits = Math.max(2, String(source.numRows).length);
  const template = `var(--index-width) ${names.map(() => `minmax(${COLUMN_MIN}px, 1fr)`).join(' ')}`;
  const width = `max(100%, calc(var(--index-width) + ${names.length * COLUMN_MIN}px))`;

  // Formatters by column meaning (or the cell's declared format), fixed from the first page seen.
  let formatters: Formatter[] | null = null;
  const count = h('span', { class: 'row-count' });
  const formatError = h('span', { class: 'format-error', hidden: true });
  const actions = h('span', { class: 'table-actions' },
    h('button', { class: 'icon table-csv', title: 'Download the rows as CSV (raw values; filter and sort applied)', onclick: () => void downloadCsv() }, '⤓ CSV'),
    h('button', { class: 'icon table-copy', title: 'Copy the rows to the clipboard (tab-separated, raw values)', onclick: () => void copyRows() }, '⧉ Copy'));
  const filter = h('input', { class: 'filter', type: 'search', placeholder: 'Filter rows (text or column:text)', 'aria-label': 'Filter rows' });
  const header = h('div', { class: 'thead', style: `grid-template-columns:${template};width:${width}` });
  const spacer = h('div', { class: 'spacer' });
  const body = h('div', { class: 'tbody' });
  const scroller = h('div', { class: 'scroller' }, header, h('div', { class: 'rows', style: `width:${width}` }, spacer, body));
  const root = h('div', { class: 'table-viewer', 'data-rows': String(total), style: `--index-width:${20 + 8 * digits}px` }, h('div', { class: 'table-toolbar' }, title ? h('strong', {}, title) : null, count, formatError, actions, filter), scroller);

  function drawHeader(): void {
    header.replaceChildren(h('div', { class: 'th index' }, '#'), ...source.columns.map((column) => {
      const sort = query.sort?.column === column.name ? (query.sort.desc ? 'desc' : 'asc') : null;
      return columnHeader(column, sort, () => {
        query.sort = sort === null ? { column: column.name, desc: false } : sort === 'asc' ? { column: column.name, desc: true } : undefined;
        reset();
      });
    }));
  }

  function reset(): void {
    generation++;
    cache.clear();
    drawHeader();
    scroller.scrollTop = 0;
    void load(0).then(render);
  }

  async function load(page: number): Promise<void> {
    if (cache.has(page)) return;
    const mine = generation;
    cache.set(page, []);
    const result = await source.page({ ...query, offset: page * PAGE, limit: PAGE });
    if (mine !== generation) return;
    cache.set(page, result.rows);
    total = result.total;
    if (!formatters) formatters = names.map((name, c) => {
      try {
        return columnFormatter(name, result.rows.map((r) => r[c]), options.format?.[name]);
      } catch (error) {
        // A bad declared format is the cell's to fix: say so on the table, show the column as is.
        formatError.textContent = (error as Error).message;
        formatError.hidden = false;
        return columnFormatter(name, result.rows.map((r) => r[c]));
      }
    });
  }

  function render(): void {
    const visible = Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 2;
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 1);
    const last = Math.min(total, first + Math.max(visible, 20));
    spacer.style.height = `${total * ROW_HEIGHT}px`;
    count.textContent = `${total.toLocaleString()} ${total === source.numRows ? '' : `of ${source.numRows.toLocaleString()} `}rows × ${names.length} columns`;
    const missingPages = new Set<number>();
    const rows: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const page = cache.get(Math.floor(i / PAGE));
      const row = page?.[i % PAGE];
      if (!page) missingPages.add(Math.floor(i / PAGE));
      rows.push(h('div', { class: 'tr', style: `top:${i * ROW_HEIGHT}px;grid-template-columns:${template}` },
        h('div', { class: 'td index' }, String(i + 1)),
        names.map((_, c) => {
          const value = row?.[c];
          const raw = row ? formatCell(value) : '';
          const shown = row ? (formatters?.[c] ?? formatAny)(value) : '…';
          // The raw value on hover when the shown one is rounded or reformatted.
          return h('div', { class: `td${typeof value === 'number' ? ' num' : ''}${value === null || value === undefined ? ' null' : ''}`, title: shown !== raw ? raw : undefined }, shown);
        })));
    }
    body.replaceChildren(...rows);
    for (const page of missingPages) void load(page).then(render);
  }

  /** Widens the index track to the widest row number as drawn (a larger font must not clip digits). */
  function fitIndex(): void {
    if (!root.isConnected) return;
    const probe = h('div', { class: 'td index', style: 'position:absolute;visibility:hidden;width:auto;overflow:visible' }, '8'.repeat(digits));
    body.append(probe);
    const needed = Math.ceil(probe.getBoundingClientRect().width) + 2;
    probe.remove();
    const guess = parseFloat(root.style.getPropertyValue('--index-width'));
    if (needed > guess) root.style.setProperty('--index-width', `${needed}px`);
  }

  async function allRows(): Promise<unknown[][]> {
    const { rows } = await source.page({ ...query, offset: 0, limit: Math.max(total, 1) });
    return rows;
  }

  async function downloadCsv(): Promise<void> {
    download(`${fileStem(title || 'table')}.csv`, delimited(names, await allRows()), 'text/csv');
  }

  async function copyRows(): Promise<void> {
    const text = delimited(names, await allRows(), '\t');
    await navigator.clipboard.writeText(text);
    root.dataset.copied = String(Date.now());
  }

  let frame = 0;
  scroller.addEventListener('scroll', () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(render);
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.filter = filter.value || undefined;
      reset();
    }, 200);
  });
  drawHeader();
  // Render once attached so clientHeight is known; column summaries (a pass over every row in the
  // worker) come after the first page, so rows show first.
  requestAnimationFrame(() => void load(0).then(() => {
    fitIndex();
    render();
    source.summarize?.().then((columns) => {
      source.columns = columns;
      drawHeader();
    }, () => {});
  }));
  return root;
}
