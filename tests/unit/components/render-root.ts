// Where a component test renders its view: a fresh element in the document per test, unmounted and removed after
// (with the fake browser reset, so one test's storage or listeners never reach the next).
import { render } from 'preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export function attachRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

export function detachRoot(root: HTMLElement): void {
  render(null, root);
  root.remove();
  fakeBrowser.reset();
}
