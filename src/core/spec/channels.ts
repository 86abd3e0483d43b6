import type { Channel } from './model.ts';

/** Conda channels wt-compiler accepts, by name or base URL. */
export const KNOWN_CHANNELS: readonly Required<Channel>[] = [
  { name: 'conda-forge', baseUrl: 'https://conda.anaconda.org/conda-forge/' },
  { name: 'microsoft', baseUrl: 'https://conda.anaconda.org/microsoft/' },
  { name: 'ecoscope-workflows', baseUrl: 'https://repo.prefix.dev/ecoscope-workflows/' },
  { name: 'ecoscope-workflows-custom', baseUrl: 'https://repo.prefix.dev/ecoscope-workflows-custom/' },
];

export const DEFAULT_CHANNEL = KNOWN_CHANNELS[0];

/** Resolves a channel name or URL; local `file://` channels (development builds) are accepted as they are. */
export function resolveChannel(value: string): Channel | undefined {
  const v = value.trim();
  // A trailing slash is not meaningful in a channel URL; upstream's exact match trips over it, we don't.
  const withSlash = v.endsWith('/') ? v : v + '/';
  const known = KNOWN_CHANNELS.find((c) => c.name === v || c.baseUrl === withSlash);
  if (known) return known;
  if (v.startsWith('file://') && v.length > 'file://'.length) return { baseUrl: withSlash };
  return undefined;
}
