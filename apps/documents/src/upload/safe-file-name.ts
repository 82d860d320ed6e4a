import { extensionOf } from './declared-type';
import type { AcceptedType } from './accepted-types';

/**
 * A name to save a document under, from whatever the uploader sent: no path, no control or
 * reserved characters, at most 100 characters, and the extension its content has, so a
 * download can never be told to be something else. Letters of any script are kept.
 */
export function safeFileName(sent: string | undefined, fallback: string, type: AcceptedType) {
  const base = (sent ?? '')
    .normalize('NFC')
    .split(/[/\\]/)
    .pop()!
    .replace(/\.[^.]*$/, '')
    // Line breaks and other controls become spaces: no header injection, words stay apart.
    .replace(/[\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/["*:<>?|]+/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  const name =
    base || fallback.replace(/[\p{Cc}\p{Cf}"*:<>?|/\\]+/gu, '').slice(0, 100) || 'document';
  return `${name}.${extensionOf(type)}`;
}
