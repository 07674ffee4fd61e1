import { createContext } from 'react';

/**
 * Where a click on a link in rendered Markdown goes. The app passes a function that asks main to
 * open it (main confirms with the user); without one, a link does nothing. Either way the window
 * itself never navigates.
 */
export const OpenLinkContext = createContext<(href: string) => void>(() => {});

export function MarkdownLinksProvider({ onOpen, children }: { onOpen: (href: string) => void; children: React.ReactNode }) {
  return <OpenLinkContext.Provider value={onOpen}>{children}</OpenLinkContext.Provider>;
}
