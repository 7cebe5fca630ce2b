// End-to-end encryption of every Temporal payload (workflow and activity
// arguments and results, update arguments, query answers, failure details).
// Temporal stores what the codec returns — the embedded engine in its log
// under DATA_DIR/engine, a real cluster in its database — so whoever can read
// that store (operators, backups) sees only ciphertext; the voter next to the
// choice of a secret ballot never reaches it in the clear.
//
// Wire format of an encrypted payload:
//   metadata.encoding           "binary/encrypted"
//   metadata.encryption-key-id  id of the key (rotation: old ids stay decodable)
//   data                        12-byte IV ‖ AES-256-GCM ciphertext ‖ 16-byte tag
// The plaintext is the whole original Payload (metadata included) in protobuf
// form, so its encoding (json/plain, binary/null, …) is hidden and restored.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
// CommonJS package: Node's ESM loader sees only its default export.
import proto from '@temporalio/proto';
import { KEY_ID_PATTERN, PAYLOAD_KEY_BYTES, type PayloadKey, type PayloadKeyring } from './payload-key';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const ProtoPayload = proto.temporal.api.common.v1.Payload;
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

/** A payload this process cannot decrypt: unknown key id, wrong key, or altered bytes. */
export class PayloadDecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PayloadDecryptionError';
  }
}

export class AesGcmPayloadCodec implements PayloadCodec {
  private readonly current: PayloadKey;
  private readonly byId: ReadonlyMap<string, Uint8Array>;

  private constructor(keyring: PayloadKeyring) {
    this.current = keyring.current;
    const byId = new Map<string, Uint8Array>();
    for (const k of [keyring.current, ...(keyring.previous ?? [])]) {
      if (!KEY_ID_PATTERN.test(k.id)) throw new Error(`payload key id "${k.id}" may contain only letters, digits, _ . - (at most 64)`);
      if (k.key.length !== PAYLOAD_KEY_BYTES) throw new Error(`payload key "${k.id}" must be ${PAYLOAD_KEY_BYTES} bytes, got ${k.key.length}`);
      const seen = byId.get(k.id);
      if (seen && !Buffer.from(seen).equals(Buffer.from(k.key))) throw new Error(`payload key id "${k.id}" is given twice with different keys`);
      byId.set(k.id, k.key);
    }
    this.byId = byId;
  }

  /** Encrypts with `keyring.current`; decrypts with any key of the ring, chosen by the payload's key id. */
  static create(keyring: PayloadKeyring): AesGcmPayloadCodec {
    return new AesGcmPayloadCodec(keyring);
  }

  /** Id of the key new payloads are encrypted with. */
  get keyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  /**
   * Payloads without the encrypted encoding pass through unchanged: histories
   * written before encryption was switched on must stay readable, and the
   * codec cannot tell them from forged ones anyway — whoever can write into
   * Temporal's store can also stop workflows. Encrypted payloads are never
   * passed through: a wrong key or an altered byte is an error.
   */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (encodingOf(payload) === ENCRYPTED_ENCODING ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    // The key id is authenticated too: relabelling a payload with another id fails.
    cipher.setAAD(aad(id));
    const plain = ProtoPayload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { encoding: utf8.encode(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8.encode(id) },
      data: new Uint8Array(data),
    };
  }

  private decrypt(payload: Payload): Payload {
    const raw = payload.metadata?.[KEY_ID_METADATA];
    if (!raw) throw new PayloadDecryptionError(`encrypted payload without the "${KEY_ID_METADATA}" metadata`);
    const id = fromUtf8.decode(raw);
    const key = this.byId.get(id);
    if (!key) {
      throw new PayloadDecryptionError(
        `payload encrypted with key id "${id}", which this process does not have (known: ${[...this.byId.keys()].join(', ')}); ` +
          'add that key to TEMPORAL_PAYLOAD_PREVIOUS_KEYS as "<id>:<key>"',
      );
    }
    const data = payload.data ?? new Uint8Array();
    if (data.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionError(`encrypted payload (key id "${id}") is truncated`);
    const iv = data.subarray(0, IV_BYTES);
    const tag = data.subarray(data.length - TAG_BYTES);
    const body = data.subarray(IV_BYTES, data.length - TAG_BYTES);
    let plain: Buffer;
    try {
      const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(aad(id));
      decipher.setAuthTag(tag);
      plain = Buffer.concat([decipher.update(body), decipher.final()]);
    } catch (err) {
      throw new PayloadDecryptionError(`encrypted payload (key id "${id}") failed authentication: altered, or encrypted with another key under the same id`, { cause: err });
    }
    const decoded = ProtoPayload.decode(plain);
    return { metadata: decoded.metadata, data: decoded.data };
  }
}

function encodingOf(payload: Payload): string | undefined {
  const raw = payload.metadata?.encoding;
  return raw ? fromUtf8.decode(raw) : undefined;
}

function aad(keyId: string): Uint8Array {
  return utf8.encode(`${ENCRYPTED_ENCODING};${keyId}`);
}
