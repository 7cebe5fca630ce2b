// Key material for payload encryption, as it arrives from the environment:
// 32 bytes written as 64 hex digits or as base64 (standard or URL-safe).
import { createHash } from 'node:crypto';

export const PAYLOAD_KEY_BYTES = 32;

/** One AES-256 key and the id written next to every payload it encrypts. */
export interface PayloadKey {
  id: string;
  key: Uint8Array;
}

/**
 * The key new payloads are encrypted with, and the older ones still needed
 * to read histories written before a rotation.
 */
export interface PayloadKeyring {
  current: PayloadKey;
  previous?: PayloadKey[];
}

/** Key ids travel in payload metadata and in error messages: keep them short and plain. */
export const KEY_ID_PATTERN = /^[\w.-]{1,64}$/;

/** Decodes 64 hex digits or base64 to 32 bytes; throws an Error saying what is wrong (never echoing the value). */
export function parsePayloadKey(text: string): Uint8Array {
  const s = text.trim();
  let bytes: Buffer;
  if (/^[0-9a-fA-F]{64}$/.test(s)) bytes = Buffer.from(s, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(s)) bytes = Buffer.from(s, s.includes('-') || s.includes('_') ? 'base64url' : 'base64');
  else throw new Error('must be 32 bytes written as 64 hex digits or as base64');
  if (bytes.length !== PAYLOAD_KEY_BYTES) throw new Error(`must be 32 bytes (64 hex digits or 44 base64 characters); decodes to ${bytes.length} bytes`);
  return new Uint8Array(bytes);
}

/**
 * Default key id: a short fingerprint of the key, so a new key gets a new id
 * without anyone remembering to change TEMPORAL_PAYLOAD_KEY_ID. 48 bits of a
 * SHA-256 say nothing useful about a random 256-bit key.
 */
export function payloadKeyFingerprint(key: Uint8Array): string {
  return `k-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`;
}

/**
 * Parses `TEMPORAL_PAYLOAD_PREVIOUS_KEYS`: comma-separated entries, each
 * `<id>:<key>` or just `<key>` (id = its fingerprint). ':' and ',' occur in
 * neither hex nor base64, '=' does (padding), hence ':' as the separator.
 */
export function parsePreviousPayloadKeys(text: string | undefined): PayloadKey[] {
  if (!text || text.trim() === '') return [];
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i) => {
      const colon = entry.indexOf(':');
      const id = colon >= 0 ? entry.slice(0, colon).trim() : undefined;
      const material = colon >= 0 ? entry.slice(colon + 1) : entry;
      if (id !== undefined && !KEY_ID_PATTERN.test(id)) throw new Error(`entry ${i + 1}: the key id may contain only letters, digits, _ . - (at most 64)`);
      let key: Uint8Array;
      try {
        key = parsePayloadKey(material);
      } catch (err) {
        throw new Error(`entry ${i + 1}: ${(err as Error).message}`);
      }
      return { id: id ?? payloadKeyFingerprint(key), key };
    });
}
