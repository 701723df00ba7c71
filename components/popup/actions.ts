// Navigation from the popup: seller-center pages open in a new tab; the settings page through the runtime API.

export function openTab(url: string): void {
  void browser.tabs.create({ url });
}

export function openOptions(): void {
  void browser.runtime.openOptionsPage();
}

/** onClick of an <a href> that opens its target with browser.tabs.create (a popup link cannot navigate itself). */
export function openLinkInTab(event: MouseEvent): void {
  const a = event.currentTarget as HTMLAnchorElement;
  event.preventDefault();
  openTab(a.href);
}

/** The refund log (an extension page of ours). */
export function openLog(): void {
  openTab(browser.runtime.getURL('/log.html'));
}
