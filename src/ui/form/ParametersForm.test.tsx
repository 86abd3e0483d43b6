// @vitest-environment jsdom
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useState } from 'react';
import ParametersForm, { type FormApi, type ParametersFormProps } from './ParametersForm.tsx';
import { exampleSchemas, fakeClient } from './test-fixtures.ts';
import type { ConvertRequest } from '../../worker/protocol.ts';

afterEach(() => {
  cleanup();
  localStorage.clear();
});
// The in-process conversion compiles its Ajv schema per call: give it time on a busy machine.
configure({ asyncUtilTimeout: 5000 });

function setup(initial: Partial<ParametersFormProps> = {}) {
  const saved: Array<[string, unknown]> = [];
  const requests: ConvertRequest[] = [];
  let api: FormApi | undefined;
  let setProps: (p: Partial<ParametersFormProps>) => void = () => {};
  const state = { formData: undefined as unknown };
  function Host() {
    const [formData, setFormData] = useState<unknown>(initial.formData ?? {});
    const [extra, setExtra] = useState<Partial<ParametersFormProps>>({});
    setProps = setExtra;
    state.formData = formData;
    return (
      <ParametersForm
        {...exampleSchemas()}
        client={fakeClient(requests)}
        {...initial}
        {...extra}
        formData={formData}
        onFormDataChange={setFormData}
        onSaveTestCase={(k, p) => saved.push([k, p])}
        onReady={(a) => (api = a)}
      />
    );
  }
  const view = render(<Host />);
  return { view, saved, requests, state, api: () => api!, setProps: (p: Partial<ParametersFormProps>) => act(() => setProps(p)) };
}

const paramsText = () => screen.getByLabelText('params.json').textContent ?? '';

describe('ParametersForm', () => {
  test('renders labelled fields per task, fieldsets per group, and converts the defaults', async () => {
    setup();
    for (const label of ['Since', 'Until', 'Page Size', 'Minimum Sightings per Site', 'Species Column', 'Normalise to Shares', 'Opacity', 'Report Title']) {
      // (testing-library matches the label's text, which includes the aria-hidden required marker)
      expect(screen.getByLabelText(new RegExp(`^${label}\\*?$`), { selector: 'input' }), label).toBeTruthy();
    }
    const group = screen.getByRole('group', { name: 'Species Counts' });
    expect(group.getAttribute('data-task-group')).toBe('Species Counts');
    expect(within(group).getByRole('radiogroup', { name: 'Chart Type' })).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toBe('root_Species-Counts__description');
    expect(document.getElementById('root_Species-Counts__description')?.textContent).toBe('How species are counted and charted at each site.');
    expect(document.querySelector('[data-task-id="charts"]')?.id).toBe('root_Species-Counts_charts');
    // Group titles are renamed for the form so no id has a space (aria-describedby lists are space-separated).
    expect(document.querySelectorAll('[id*=" "]')).toHaveLength(0);
    const chartType = screen.getByRole('radiogroup', { name: 'Chart Type' });
    expect(chartType.getAttribute('aria-describedby')?.split(' ')).toContain('root_Species-Counts_charts_chart_type__error');
    // time_range is required: the conversion reports it by path, and there are no params yet.
    expect(await screen.findByText((_, el) => el?.tagName === 'LI' && el.textContent === "time_range 'since' is a required property")).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Save as test case' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('filled-in data becomes params (JSON and YAML) and can be saved as a test case', async () => {
    const { saved, state } = setup({ formData: { time_range: { since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' } } });
    await waitFor(() => expect(paramsText()).toContain('"page_size": 500'));
    expect(JSON.parse(paramsText())).toEqual({
      time_range: { since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' },
      sightings: { page_size: 500 },
      by_site: { min_count: 1 },
      counts: { species_column: 'species', normalise: false },
      charts: { chart_type: 'bar', opacity: 0.8 },
      report: { report_title: 'Wildlife counts' },
    });
    fireEvent.change(screen.getByLabelText('Page Size'), { target: { value: '42' } });
    await waitFor(() => expect(paramsText()).toContain('"page_size": 42'));
    expect(state.formData).toMatchObject({ sightings: { page_size: 42 } });

    fireEvent.click(screen.getByRole('radio', { name: 'YAML' }));
    expect(screen.getByLabelText('params.yaml').textContent).toContain('sightings:\n  page_size: 42\n');

    const key = screen.getByLabelText('Test case key') as HTMLInputElement;
    expect(key.value).toBe('case_1');
    fireEvent.click(screen.getByRole('button', { name: 'Save as test case' }));
    expect(saved).toHaveLength(1);
    expect(saved[0][0]).toBe('case_1');
    expect(saved[0][1]).toMatchObject({ sightings: { page_size: 42 }, charts: { chart_type: 'bar' } });
    expect(key.value).toBe('case_2');
    expect(screen.getByText('Saved test case case_1.')).toBeTruthy();
    fireEvent.change(key, { target: { value: 'not valid' } });
    expect((screen.getByRole('button', { name: 'Save as test case' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the key suggested is the first free one in test-cases.yaml, and a key already there is refused', async () => {
    const testCasesText = 'case_1:\n  name: "case_1"\n  params: {}\ncase_2:\n  params: {}\n';
    const { saved, setProps } = setup({ testCasesText, formData: { time_range: { since: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' } } });
    await waitFor(() => expect(paramsText()).toContain('"page_size": 500'));
    const key = screen.getByLabelText('Test case key') as HTMLInputElement;
    const save = screen.getByRole('button', { name: 'Save as test case' }) as HTMLButtonElement;
    expect(key.value).toBe('case_3');
    expect(save.disabled).toBe(false);

    fireEvent.change(key, { target: { value: 'case_1' } });
    expect(save.disabled).toBe(true);
    expect(key.getAttribute('aria-invalid')).toBe('true');
    const message = 'test-cases.yaml already has a test case named case_1: choose another key (case_3 is free).';
    expect(screen.getByText(message).id).toBe(key.getAttribute('aria-describedby'));
    fireEvent.keyDown(key, { key: 'Enter' });
    expect(saved).toEqual([]);
    expect(document.querySelector('.form-status[role=status]')?.textContent).toBe(message);

    // Another workspace's file: a key the user typed stays, and is checked against the new file.
    setProps({ testCasesText: 'other:\n  params: {}\n' });
    expect(key.value).toBe('case_1');
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(saved.map(([k]) => k)).toEqual(['case_1']);
    // The parent appends the entry: the next suggestion follows the file.
    setProps({ testCasesText: 'other:\n  params: {}\ncase_1:\n  params: {}\n' });
    expect(key.value).toBe('case_2');
  });

  test('live validation is debounced and shows an error list; Validate focuses the first error', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      setup();
      const pageSize = screen.getByLabelText('Page Size');
      pageSize.focus();
      fireEvent.change(pageSize, { target: { value: '0' } });
      expect(screen.queryByText('must be >= 1', { selector: 'li.text-danger' })).toBeNull();
      await act(async () => void vi.advanceTimersByTime(400));
      expect(screen.getByText('must be >= 1', { selector: 'li.text-danger' })).toBeTruthy();
      expect(pageSize.getAttribute('aria-describedby')).toContain('root_sightings_page_size__error');
      const list = screen.getByRole('group', { name: /errors? in the form/ });
      expect(within(list).getByRole('button', { name: /sightings › page_size must be >= 1/ })).toBeTruthy();
      // Live runs never move focus; the Validate button does, to the first error (Since is required).
      expect(document.activeElement).toBe(pageSize);
      fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
      await act(async () => void vi.advanceTimersByTime(50));
      expect(document.activeElement?.id).toBe('root_time_range_since');
    } finally {
      vi.useRealTimers();
    }
  });

  test('each top-level property is its own section; ids stay unique and one error list gathers every section', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      setup();
      const form = document.querySelector('form.rjsf')!;
      expect(document.querySelectorAll('form')).toHaveLength(1);
      expect([...form.querySelectorAll('.form-section')].map((s) => s.querySelector('[id]')?.id)).toEqual([
        'root_time_range',
        'root_sightings',
        'root_by_site',
        'root_Species-Counts',
        'root_report',
      ]);
      const ids = [...document.querySelectorAll('[id]')].map((el) => el.id);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
      expect(document.getElementById('root')?.tagName).toBe('FIELDSET');
      fireEvent.change(screen.getByLabelText('Opacity'), { target: { value: '2' } });
      await act(async () => void vi.advanceTimersByTime(400));
      const list = screen.getByRole('group', { name: '3 errors in the form' });
      expect(within(list).getAllByRole('button').map((b) => b.textContent)).toEqual([
        "time_range › since must have required property 'Since'",
        "time_range › until must have required property 'Until'",
        'Species Counts › charts › opacity must be <= 1',
      ]);
      fireEvent.click(within(list).getByRole('button', { name: /opacity/ }));
      expect(document.activeElement?.id).toBe('root_Species-Counts_charts_opacity');
      fireEvent.click(screen.getByRole('button', { name: 'Validate' }));
      await act(async () => void vi.advanceTimersByTime(50));
      expect(document.activeElement?.id).toBe('root_time_range_since');
      expect(screen.getByText('The form has 3 errors.')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  test('form data follows a recompiled schema, and the form stays (read-only) while the spec has errors', async () => {
    const { state, setProps } = setup({ formData: { sightings: { page_size: 7 }, report: { report_title: 'Mine' }, Removed: { x: { y: 1 } } } });
    await waitFor(() => expect(state.formData).toMatchObject({ sightings: { page_size: 7 }, report: { report_title: 'Mine' } }));
    expect(state.formData).not.toHaveProperty('Removed');
    // Move `report` into a new group: its value follows it.
    const grouped = exampleSchemas('wildlife-counts', (s) =>
      s.replace(/  - id: report\n[\s\S]*$/, `  - title: Output\n    type: task-group\n    description: Where the report goes.\n    tasks:\n      - id: report\n        name: Report\n        task: gather_report\n        partial:\n          pages: \${{ workflow.pages.return }}\n`),
    );
    setProps(grouped);
    await waitFor(() => expect(state.formData).toMatchObject({ Output: { report: { report_title: 'Mine' } }, sightings: { page_size: 7 } }));
    expect((screen.getByLabelText('Report Title') as HTMLInputElement).value).toBe('Mine');
    expect(state.formData).not.toHaveProperty('report');

    setProps({ rjsfJsonText: undefined, paramsJsonText: undefined });
    expect(screen.getByText(/read-only until they are fixed/)).toBeTruthy();
    expect((screen.getByLabelText('Report Title') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Save as test case' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a workflow without settings says so and still converts to empty params', async () => {
    const empty = '{"properties": {}, "$defs": {}, "uiSchema": {"ui:order": []}, "additionalProperties": false}';
    const { saved } = setup({ rjsfJsonText: empty, paramsJsonText: empty });
    expect(screen.getByText(/no parameters to set/)).toBeTruthy();
    await waitFor(() => expect(paramsText()).toBe('{}\n'));
    fireEvent.click(screen.getByRole('button', { name: 'Save as test case' }));
    expect(saved).toEqual([['case_1', {}]]);
  });

  test('without a clean check there is no form', () => {
    setup({ rjsfJsonText: undefined, paramsJsonText: undefined });
    expect(screen.getByText('Fix the errors in the spec to see its form.')).toBeTruthy();
  });

  test('scrollToTask focuses the first field of a task, inside its group', async () => {
    const { api } = setup();
    await waitFor(() => expect(api()).toBeDefined());
    act(() => api().scrollToTask('charts', 'Species Counts'));
    expect(document.activeElement?.id).toBe('root_Species-Counts_charts_chart_type-0');
    expect(document.querySelector('[data-task-id="charts"]')?.classList.contains('form-task-highlight')).toBe(true);
    act(() => api().scrollToTask('sightings'));
    expect(document.activeElement?.id).toBe('root_sightings_page_size');
    act(() => api().scrollToTask('pages'));
    expect(screen.getByText('Task pages has no settings in the form.')).toBeTruthy();
  });
});
