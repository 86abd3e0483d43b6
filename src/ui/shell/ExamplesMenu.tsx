import { useEffect, useRef, useState } from 'react';
import { listExamples, type ExampleInfo } from '../examples.ts';

/** The "Examples" menu button: a keyboard-operable menu of the bundled example workspaces. */
export function ExamplesMenu({ onPick }: { onPick(id: string): void }) {
  const [open, setOpen] = useState(false);
  const [examples, setExamples] = useState<ExampleInfo[]>([]);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => {
    listExamples().then(setExamples, () => setExamples([]));
  }, []);
  useEffect(() => {
    if (open) menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(i + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(i - 1 + items.length) % items.length]?.focus();
    else return;
    e.preventDefault();
  };

  return (
    <div className="menu-wrap">
      <button type="button" ref={button} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        Examples
      </button>
      {open && (
        <ul role="menu" aria-label="Examples" ref={menu} className="menu" onKeyDown={onKeyDown}>
          {examples.map((ex) => (
            <li key={ex.id} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  close();
                  onPick(ex.id);
                }}
              >
                {ex.title}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
