// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { Panel } from './Panel.tsx';

afterEach(cleanup);

let fail = true;
function Fragile() {
  if (fail) throw new Error('Could not find a definition for #/$defs/Missing\nwith a long schema dump');
  return <p>form works</p>;
}

describe('a panel whose content throws while rendering', () => {
  test('shows what failed with Try again, and the other panels keep working', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fail = true;
    render(
      <>
        <Panel title="Parameters form" id="form">
          <Fragile />
        </Panel>
        <Panel title="Problems" id="problems">
          <p>No problems.</p>
        </Panel>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The Parameters form panel failed: Could not find a definition for #/$defs/Missing.');
    expect(alert.textContent).not.toContain('schema dump');
    expect(screen.getByRole('region', { name: 'Problems' }).textContent).toContain('No problems.');
    expect(screen.getByRole('heading', { name: 'Parameters form' })).toBeTruthy();

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('form works')).toBeTruthy();
  });
});
