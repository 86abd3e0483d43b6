import { describe, expect, it } from 'vitest';
import { placeErrors } from './field-errors.ts';

describe('placeErrors', () => {
  it('puts each answer error at its field, named by the field label, not the answer key', () => {
    const placed = placeErrors([
      'workflow_id: `1-bad` is not a valid Python identifier',
      'author_name: Author name: an answer is required',
      'requirements[0].version: `version` is required (Version spec (conda match spec))',
      'requirements[1]: `not a name` is not a valid PyPI distribution name',
    ]);
    expect(placed).toEqual({
      fields: {
        workflow_id: 'Workflow id: `1-bad` is not a valid Python identifier',
        author_name: 'Author name: an answer is required',
        'requirements.0.version': 'Version: an answer is required',
        'requirements.1.name': 'Name: `not a name` is not a valid PyPI distribution name',
      },
      other: [],
    });
  });

  it('keeps errors no field owns, and the first error of a field', () => {
    const placed = placeErrors(['workflow_nme: there is no question `workflow_nme`', 'no path here', 'workflow_id: first', 'workflow_id: second']);
    expect(placed.other).toEqual(['workflow_nme: there is no question `workflow_nme`', 'no path here']);
    expect(placed.fields).toEqual({ workflow_id: 'Workflow id: first' });
  });

  it('names other fields by their labels inside a message', () => {
    expect(placeErrors(['requirements[0].channel: `channel` must name a known channel']).fields['requirements.0.channel']).toBe('Channel: Channel must name a known channel');
  });
});
