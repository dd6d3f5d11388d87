import './shell/styles.css';
import { initTheme } from './shell/theme.js';
import { api, ApiError, listOf, onUnauthorized, type RecipeInfo } from './shell/api.js';
import { h } from './shell/dom.js';
import { notebookList } from './home/notebook-list.js';
import { openNotebookEditor } from './editor/notebook-editor.js';
import { forgetSession, sessionUser, signOut } from './shell/session.js';
import { signInFromLink } from './account/signin-link.js';
import { signInPage } from './account/signin-page.js';
import { adminPage } from './account/admin-page.js';
import { toast } from './shell/toast.js';
import { userBadge } from './account/user-badge.js';

// Hash routes keep the server's job simple (one index.html): #/ lists, #/notebook/<id> edits,
// #/signin?token=… signs in from the link the server prints.
const app = document.getElementById('app')!;
initTheme();
let current: { dispose: () => void } | null = null;
let recipes: Promise<RecipeInfo[]> | null = null;
let signingIn = false;
// Bumped whenever the page changes, so a route still loading when another starts is dropped.
let generation = 0;

const services = {
  recipes: () => (recipes ??= api<unknown>('GET', '/api/recipes').then((b) => listOf<RecipeInfo>(b, 'recipes'))),
  toast,
};

function leave(): number {
  generation += 1;
  current?.dispose();
  current = null;
  document.querySelectorAll('.modal-backdrop, .palette-backdrop').forEach((el) => el.remove());
  app.className = '';
  return generation;
}

/** The sign-in page in place of the current route; signing in goes back to that route. */
function showSignIn(options: { notice?: string; error?: string } = {}): void {
  leave();
  signingIn = true;
  signInPage(app, {
    ...options,
    onSignedIn: () => {
      signingIn = false;
      recipes = null;
      void route();
    },
  });
}

async function doSignOut(): Promise<void> {
  leave();
  try {
    await signOut();
  } catch (error) {
    toast((error as Error).message, 'error');
  }
  history.replaceState(null, '', '#/');
  showSignIn({ notice: 'You are signed out.' });
}

async function route(): Promise<void> {
  const mine = leave();
  if (location.hash.startsWith('#/signin')) {
    const refused = await signInFromLink(location.hash);
    if (refused) return showSignIn({ error: refused });
  }
  let user;
  try {
    user = await sessionUser();
    if (mine !== generation) return;
  } catch (error) {
    app.replaceChildren(h('div', { class: 'home-main' }, h('p', { class: 'output-error' }, `The server did not answer: ${(error as Error).message}`)));
    return;
  }
  if (!user) return showSignIn();
  signingIn = false;
  const account = userBadge(user, () => void doSignOut());
  const match = /^#\/notebook\/(.+)$/.exec(location.hash);
  try {
    if (location.hash === '#/admin') await adminPage(app, { toast, account, user });
    else if (match) {
      const editor = await openNotebookEditor(app, decodeURIComponent(match[1]!), { ...services, user, account });
      if (mine === generation) current = editor;
      else editor.dispose();
    } else await notebookList(app, { toast, account });
  } catch (error) {
    // A 401 has already put the sign-in page up; a newer route owns the page.
    if ((error instanceof ApiError && error.status === 401) || mine !== generation) return;
    const message = error instanceof ApiError && error.status === 404 && match
      ? `There is no notebook "${decodeURIComponent(match[1]!)}" here: it does not exist, or it is not shared with you.`
      : (error as Error).message;
    app.replaceChildren(h('div', { class: 'home' },
      h('div', { class: 'toolbar' }, h('a', { class: 'brand', href: '#/' }, 'liftbook'), h('span', { class: 'grow' }), account),
      h('div', { class: 'home-main' }, h('p', { class: `output-error${error instanceof ApiError && error.status === 404 ? ' not-found' : ''}` }, message), h('a', { href: '#/' }, '← All notebooks'))));
  }
}

// The session ended while the page was in use (signed out elsewhere, token revoked): the editor
// keeps its unsaved text in sessionStorage as it closes, and offers it back after signing in.
onUnauthorized(() => {
  forgetSession();
  if (signingIn) return;
  showSignIn({ notice: 'Your session has ended: sign in again. Unsaved edits are kept in this tab and offered back when you reopen the notebook.' });
});

window.addEventListener('hashchange', () => void route());
void route();
