import { createHash } from 'node:crypto';

/**
 * A bureau's add-in id: a name-based UUID (RFC 9562 version 5, URL namespace) of its server's
 * origin. The same server address always gives the same id, so regenerating the manifest for a
 * new version keeps clerks' installed add-in; two bureaus never share one.
 */
const URL_NAMESPACE = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

export function bureauAddinId(baseUrl: string): string {
  const origin = new URL(baseUrl).origin.toLowerCase();
  const bytes = createHash('sha1').update(URL_NAMESPACE).update(origin, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
