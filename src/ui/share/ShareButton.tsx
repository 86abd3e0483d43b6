import { useId, useState } from 'react';

/** "Copy share link", with the opt-in to carry the Parameters form's values (off by default: they may be private). */
export function ShareButton({ onCopy }: { onCopy(includeFormValues: boolean): void }) {
  const [withForm, setWithForm] = useState(false);
  const id = useId();
  return (
    <span className="share-button">
      <button type="button" onClick={() => onCopy(withForm)}>
        Copy share link
      </button>{' '}
      <input id={id} type="checkbox" checked={withForm} onChange={(e) => setWithForm(e.target.checked)} />
      <label htmlFor={id}>with form values</label>
    </span>
  );
}
