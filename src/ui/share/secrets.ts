import { FILE_NAMES, type FileRole } from '../workspace/model.ts';

/**
 * Finds what looks like a credential in workspace files, so a share link never carries one: a link
 * ends up in chat logs and browser history. Registry and channel URLs, git sources in env-overrides
 * and pasted snippets are where tokens hide in practice.
 */

export interface SecretHit {
  file: FileRole;
  /** 1-based. */
  line: number;
  what: string;
}

const PATTERNS: Array<[RegExp, string]> = [
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"']+:[^\s/@"']+@/i, 'a password in a URL'],
  [/[?&](?:access_token|token|api_?key|key|sig|signature|password|secret)=[^&\s"']+/i, 'a credential in a URL query'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, 'a private key'],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{22,})/, 'a GitHub token'],
  [/\bglpat-[A-Za-z0-9_-]{20,}/, 'a GitLab token'],
  [/\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/, 'an AWS access key'],
  [/\bAIza[0-9A-Za-z_-]{35}\b/, 'a Google API key'],
  [/\bxox[abprs]-[A-Za-z0-9-]{10,}/, 'a Slack token'],
  [/\bnpm_[A-Za-z0-9]{36}\b/, 'an npm token'],
  [/\bhf_[A-Za-z0-9]{30,}\b/, 'a Hugging Face token'],
  [/\bsk-[A-Za-z0-9_-]{20,}/, 'an API secret key'],
  // `password: hunter22`, `"api_key" = "…"`; a value that is a `${{ env.X }}` reference, a JSON
  // object or a short placeholder is not a secret.
  [/(?:^|[\s{,"'])(?:password|passwd|secret|client_secret|token|access_token|api_?key|private_key)["']?\s*[:=]\s*["']?(?!\$\{\{)[^\s"'{}[\],]{8,}/i, 'a password or token value'],
];

/** Every line that looks like it holds a credential, file by file. */
export function findSecrets(files: Partial<Record<FileRole, string>>): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const [file, text] of Object.entries(files) as Array<[FileRole, string | undefined]>) {
    text?.split('\n').forEach((lineText, i) => {
      const found = PATTERNS.find(([re]) => re.test(lineText));
      if (found) hits.push({ file, line: i + 1, what: found[1] });
    });
  }
  return hits;
}

/** A one-sentence refusal naming where the credentials are. */
export function describeSecrets(hits: SecretHit[]): string {
  const where = hits.slice(0, 3).map((h) => `${FILE_NAMES[h.file]} line ${h.line} (${h.what})`);
  const more = hits.length > 3 ? ` and ${hits.length - 3} more` : '';
  return `No link made: ${where.join(', ')}${more} looks like a credential, and a link must never carry one. Move it into an environment variable (\${{ env.NAME }}) or remove it, then copy the link again.`;
}
