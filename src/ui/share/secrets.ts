import { FILE_NAMES, type FileRole } from '../workspace/model.ts';

/**
 * Finds what looks like a credential in workspace files, so a share link never carries one: a link
 * ends up in chat logs and browser history. Registry and channel URLs, git sources in env-overrides
 * and pasted snippets are where tokens hide in practice.
 *
 * Three kinds of rule: anything in a URL that only a credential is (userinfo, a conda `/t/<token>/`
 * path, signature and token query parameters); a key whose name ends in password, secret or token
 * (any case, `_`/`-` separated) with a literal value; and token formats that identify themselves.
 * Values that are `${{ env.NAME }}` references, objects (a JSON schema property named `token`) or
 * placeholders are not credentials.
 */

export interface SecretHit {
  /** A workspace file, or `form`: the Parameters form's values, when a link is to carry them. */
  file: FileRole | 'form';
  /** 1-based. */
  line: number;
  what: string;
}

/** A key at the start of a YAML line or list item, after `{`/`,` in a flow mapping or JSON, or a TOML key. */
const KEY_START = String.raw`(?:^\s*(?:-\s+)?|[{,]\s*)["']?`;
/** A literal value: not an env reference, an object or a list. */
const VALUE = String.raw`["']?(?!\$\{\{)([^\s"'{}[\],#]+)`;

const PATTERNS: Array<[RegExp, string]> = [
  // Userinfo of any kind: `https://user:pw@host`, `https://<token>@github.com/…`, `ssh://user@host`.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/?#@"'<>]+@[^\s/?#@"'<>]/i, 'a user name or password in a URL'],
  [/\bhttps?:\/\/[^\s"']*\/t\/[A-Za-z0-9._-]{6,}\//i, 'a token in a conda channel URL'],
  [/[?&;](?:[a-z0-9_.-]*(?:token|signature|secret|password|passwd|credential|api_?key|access_?key)|key|sig|code)=[^&\s"']+/i, 'a credential in a URL query'],
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/, 'a private key'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})/, 'a GitHub token'],
  [/\bgl(?:pat|ptt|dt|rt|cbt|ft|imt|oas|soat|agent)-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\bpypi-AgE[A-Za-z0-9_-]{20,}/, 'a PyPI token'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [new RegExp(String.raw`${KEY_START}(?:aws_?)?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}`, 'i'), 'an AWS secret access key'],
  // A bare AWS secret: 40 base64 characters with both cases, a digit and a `/` or `+` (hex digests have none of those).
  [/(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9])(?=[A-Za-z0-9/+]*[/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/, 'an AWS secret access key'],
  [/\bAccountKey=[A-Za-z0-9+/=]{20,}|\bSharedAccessSignature=|\bSharedAccessKey=[A-Za-z0-9+/=]{20,}/, 'an Azure storage key'],
  [/\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/, 'a JSON Web Token'],
  [/\b(?:Bearer|Basic)\s+[A-Za-z0-9._~+/-]{16,}=*/, 'an authorization header'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bhf_[A-Za-z0-9]{30,}\b/, 'a Hugging Face token'],
  [/\bsk-[A-Za-z0-9_-]{20,}/, 'an API secret key'],
];

/** `db_password: hunter22`, `"api-token" = "…"`, `clientSecret: …`, `api_key: …`, `private_key: …`. */
const KEY_VALUE = new RegExp(
  String.raw`${KEY_START}[A-Za-z0-9_.-]*(?:password|passwd|secret|token|api[_-]?key|private[_-]?key|access[_-]?key)["']?\s*[:=]\s*${VALUE}`,
  'i',
);
/** Values that stand for "no credential here". */
const PLACEHOLDER = /^(?:x+|\*+|\.+|-+|<[^>]*>|null|none|nil|~|true|false|changeme|example|placeholder|redacted|secret|password|token|\d{1,3})$/i;

function keyValueSecret(line: string): boolean {
  const m = KEY_VALUE.exec(line);
  return !!m && m[1].length >= 4 && !PLACEHOLDER.test(m[1]);
}

/** Every line that looks like it holds a credential, file by file (and in the form values, one member a line). */
export function findSecrets(files: Partial<Record<FileRole, string>>, formData?: unknown): SecretHit[] {
  const hits: SecretHit[] = [];
  const all: Array<[FileRole | 'form', string | undefined]> = Object.entries(files) as Array<[FileRole, string | undefined]>;
  if (formData !== undefined) all.push(['form', JSON.stringify(formData, null, 1)]);
  for (const [file, text] of all) {
    text?.split('\n').forEach((lineText, i) => {
      const found = PATTERNS.find(([re]) => re.test(lineText))?.[1] ?? (keyValueSecret(lineText) ? 'a password, secret or token value' : undefined);
      if (found) hits.push({ file, line: i + 1, what: found });
    });
  }
  return hits;
}

/** A one-sentence refusal naming where the credentials are. */
export function describeSecrets(hits: SecretHit[]): string {
  const where = hits.slice(0, 3).map((h) => (h.file === 'form' ? `the form values (${h.what})` : `${FILE_NAMES[h.file]} line ${h.line} (${h.what})`));
  const more = hits.length > 3 ? ` and ${hits.length - 3} more` : '';
  return `No link made: ${where.join(', ')}${more} looks like a credential, and a link must never carry one. Move it into an environment variable (\${{ env.NAME }}) or remove it, then copy the link again.`;
}
