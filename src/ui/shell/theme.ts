import { useEffect, useState } from 'react';

/** Light, dark or the system's choice, kept in localStorage and applied to the root element. */

export type Theme = 'system' | 'light' | 'dark';
const KEY = 'wt-workbench:theme';

/** The chosen theme and a setter; `data-theme` on <html> holds the effective light/dark. */
export function useTheme(): [Theme, (t: Theme) => void] {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    localStorage.setItem(KEY, theme);
    const media = matchMedia('(prefers-color-scheme: dark)');
    const apply = () => {
      const effective = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
      document.documentElement.dataset.theme = effective;
      document.documentElement.style.colorScheme = effective;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  return [theme, setTheme];
}
