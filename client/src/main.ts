import './styles.css';
import { api, listOf, type RecipeInfo } from './api.js';
import { h } from './dom.js';
import { notebookList } from './notebook-list.js';
import { openNotebookEditor } from './notebook-editor.js';
import { toast } from './toast.js';

// Hash routes keep the server's job simple (one index.html): #/ lists, #/notebook/<id> edits.
const app = document.getElementById('app')!;
let current: { dispose: () => void } | null = null;
let recipes: Promise<RecipeInfo[]> | null = null;

const services = {
  recipes: () => (recipes ??= api<unknown>('GET', '/api/recipes').then((b) => listOf<RecipeInfo>(b, 'recipes'))),
  toast,
};

async function route(): Promise<void> {
  current?.dispose();
  current = null;
  app.className = '';
  const match = /^#\/notebook\/(.+)$/.exec(location.hash);
  try {
    if (match) current = await openNotebookEditor(app, decodeURIComponent(match[1]!), services);
    else await notebookList(app, toast);
  } catch (error) {
    app.replaceChildren(h('div', { class: 'home-main' }, h('p', { class: 'output-error' }, (error as Error).message), h('a', { href: '#/' }, '← All notebooks')));
  }
}

window.addEventListener('hashchange', () => void route());
void route();
