/**
 * The web lab: plain TypeScript and the DOM, no UI framework. The pages are few and mostly show what the
 * core computes (charts come from the core's chart specs through Observable Plot), so a framework would add
 * weight and a build plugin but little else. Pages are hash routes so the site works as static files.
 */
import { browserThreads } from './executor.ts';
import { comparePage } from './pages/compare.ts';
import { editorPage } from './pages/editor.ts';
import { mousePage } from './pages/mouse.ts';
import { parametersPage } from './pages/parameters.ts';
import { patchPage } from './pages/patch.ts';
import { trialPage } from './pages/trial.ts';

const PAGES: Record<string, (root: HTMLElement) => void> = { editor: editorPage, patch: patchPage, mouse: mousePage, trial: trialPage, parameters: parametersPage, compare: comparePage };

function show(): void {
  const name = location.hash.slice(1) in PAGES ? location.hash.slice(1) : 'editor';
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.getAttribute('href') === `#${name}`);
  const root = document.getElementById('app')!;
  root.replaceChildren();
  PAGES[name](root);
}

document.getElementById('cores')!.textContent = `${browserThreads()} workers`;
addEventListener('hashchange', show);
show();
