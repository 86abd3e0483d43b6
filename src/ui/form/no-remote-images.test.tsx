// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import ParametersForm from './ParametersForm.tsx';
import { withoutRemoteImages } from './no-remote-images.ts';
import { exampleSchemas, fakeClient } from './test-fixtures.ts';

afterEach(cleanup);

describe('markdown never loads remote images', () => {
  test.each([
    ['![beacon](https://tracker.example/b.png)', '[beacon](https://tracker.example/b.png)'],
    ['see ![a][ref]\n\n[ref]: https://tracker.example/b.png', 'see [a][ref]\n\n[ref]: https://tracker.example/b.png'],
    ['&#33;[x](https://t.example/b.png) and &excl;[y](https://t.example/c.png)', '[x](https://t.example/b.png) and [y](https://t.example/c.png)'],
    ['a <img src="https://t.example/b.png"> b <IMG\nsrc=x>', 'a  b '],
    ['<iframe src="https://t.example"></iframe><svg><image href="https://t.example/i"/></svg>', ''],
    ['plain **text**, a [link](https://example.org) and `code`', 'plain **text**, a [link](https://example.org) and `code`'],
  ])('%j becomes %j', (input, output) => {
    expect(withoutRemoteImages(input)).toBe(output);
  });

  test('an image in a markdown ui:description renders as a link, not an <img>', async () => {
    // The example with a spec that enables markdown for one task and puts a beacon in its description.
    const schemas = exampleSchemas('hello-wt', (spec) =>
      spec.replace(
        'workflow:',
        [
          'rjsf-overrides:',
          '  uiSchema:',
          '    greeting.ui:description: "Hello ![beacon](https://tracker.example/b.png) <img src=https://tracker.example/c.png>"',
          '    greeting.ui:enableMarkdownInDescription: true',
          'workflow:',
        ].join('\n'),
      ),
    );
    const { container } = render(<ParametersForm {...schemas} client={fakeClient()} formData={{}} onFormDataChange={() => undefined} onSaveTestCase={() => undefined} />);
    const link = await waitFor(() => screen.getByRole('link', { name: 'beacon' }));
    expect(link.getAttribute('href')).toBe('https://tracker.example/b.png');
    expect(container.querySelectorAll('img, iframe, image, video, audio, source')).toHaveLength(0);
    expect(container.innerHTML).not.toContain('tracker.example/c.png');
  });
});
