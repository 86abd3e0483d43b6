import { useSyncExternalStore } from 'react';

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;

/** Dark when the app's effective theme (`data-theme` on <html>) is dark, else when the system prefers dark. */
function isDark(): boolean {
  const theme = document.documentElement.dataset.theme;
  return theme ? theme === 'dark' : (darkQuery?.matches ?? false);
}

/** Whether the editors should use Monaco's dark theme; follows the theme menu and the system. */
export function usePrefersDark(): boolean {
  return useSyncExternalStore((notify) => {
    darkQuery?.addEventListener('change', notify);
    const observer = new MutationObserver(notify);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      darkQuery?.removeEventListener('change', notify);
      observer.disconnect();
    };
  }, isDark);
}
