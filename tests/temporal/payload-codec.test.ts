// The payload codec on its own: no server. What Temporal stores must be
// ciphertext under a named key, and anything that is not exactly what we
// encrypted must be refused rather than half-read.
import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError, parsePreviousPayloadKeys, type PayloadKey } from '../../temporal';

const key = (id: string): PayloadKey => ({ id, key: new Uint8Array(randomBytes(32)) });
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());
const ballot = { personId: 'person-4711', choice: 'basically_satisfied', comment: '停车难问题未解决' };

describe('AesGcmPayloadCodec', () => {
  const k1 = key('2026-01');
  const codec = AesGcmPayloadCodec.create({ current: k1 });

  it('round-trips payloads of every encoding, and stores only ciphertext under the key id', async () => {
    const originals = [ballot, 'plain string', 42, null, new Uint8Array([1, 2, 3])].map((v) => defaultPayloadConverter.toPayload(v));
    const encoded = await codec.encode(originals);
    expect(encoded).toHaveLength(originals.length);
    for (const p of encoded) {
      expect(text(p.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
      expect(text(p.metadata?.[KEY_ID_METADATA])).toBe('2026-01');
      // Neither the values nor their original encoding show.
      expect(Object.keys(p.metadata ?? {}).sort()).toEqual(['encoding', KEY_ID_METADATA].sort());
      expect(Buffer.from(p.data!).toString('latin1')).not.toMatch(/person-4711|satisfied|json\/plain/);
    }
    const decoded = await codec.decode(encoded);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([ballot, 'plain string', 42, null, new Uint8Array([1, 2, 3])]);
    expect(await codec.encode([])).toEqual([]);
  });

  it('uses a fresh IV per payload: equal values do not look equal', async () => {
    const [a, b] = await codec.encode([defaultPayloadConverter.toPayload('satisfied'), defaultPayloadConverter.toPayload('satisfied')]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
  });

  it('refuses ciphertext altered anywhere (IV, body, tag) or truncated', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(ballot)]);
    for (const at of [0, 20, sealed.data!.length - 1]) {
      const data = new Uint8Array(sealed.data!);
      data[at] ^= 0x01;
      await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow(PayloadDecryptionError);
      await expect(codec.decode([{ ...sealed, data }])).rejects.toThrow(/key id "2026-01".*failed authentication/);
    }
    await expect(codec.decode([{ ...sealed, data: sealed.data!.subarray(0, 20) }])).rejects.toThrow(/truncated/);
  });

  it('refuses a payload relabelled with another key id, even when that key is known', async () => {
    const k2 = key('2026-02');
    const both = AesGcmPayloadCodec.create({ current: k2, previous: [k1] });
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(ballot)]);
    const relabelled: Payload = { ...sealed, metadata: { ...sealed.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('2026-02') } };
    await expect(both.decode([relabelled])).rejects.toThrow(/failed authentication/);
  });

  it('names an unknown key id, and how to supply it', async () => {
    const [sealed] = await codec.encode([defaultPayloadConverter.toPayload(ballot)]);
    const other = AesGcmPayloadCodec.create({ current: key('2027-01') });
    const err = await other.decode([sealed]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PayloadDecryptionError);
    expect((err as Error).message).toMatch(/key id "2026-01", which this process does not have \(known: 2027-01\).*TEMPORAL_PAYLOAD_PREVIOUS_KEYS/);
    const { [KEY_ID_METADATA]: _dropped, ...noId } = sealed.metadata!;
    await expect(codec.decode([{ ...sealed, metadata: noId }])).rejects.toThrow(/without the "encryption-key-id" metadata/);
  });

  it('rotates: encrypts with the current key, still reads what older keys wrote', async () => {
    const [old] = await codec.encode([defaultPayloadConverter.toPayload(ballot)]);
    const k2 = key('2026-02');
    const rotated = AesGcmPayloadCodec.create({ current: k2, previous: [k1] });
    const [fresh] = await rotated.encode([defaultPayloadConverter.toPayload(ballot)]);
    expect(text(fresh.metadata?.[KEY_ID_METADATA])).toBe('2026-02');
    const decoded = await rotated.decode([old, fresh]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([ballot, ballot]);
  });

  it('passes through payloads that were never encrypted (histories from before encryption)', async () => {
    const legacy = [defaultPayloadConverter.toPayload(ballot), defaultPayloadConverter.toPayload(undefined), { metadata: {}, data: new Uint8Array([7]) }];
    expect(await codec.decode(legacy)).toEqual(legacy);
  });

  it('refuses bad keyrings when it is built', () => {
    expect(() => AesGcmPayloadCodec.create({ current: { id: 'short', key: new Uint8Array(16) } })).toThrow(/must be 32 bytes, got 16/);
    expect(() => AesGcmPayloadCodec.create({ current: { id: 'no spaces', key: k1.key } })).toThrow(/may contain only/);
    expect(() => AesGcmPayloadCodec.create({ current: k1, previous: [{ id: k1.id, key: key('x').key }] })).toThrow(/given twice with different keys/);
  });
});

describe('parsePreviousPayloadKeys', () => {
  it('reads `<id>:<key>` and bare keys (named by fingerprint), hex or base64', () => {
    const hex = 'ab'.repeat(32);
    const b64 = Buffer.from(hex, 'hex').toString('base64');
    const keys = parsePreviousPayloadKeys(` 2025-01:${hex} , ${b64},`);
    expect(keys.map((k) => k.id)).toEqual(['2025-01', expect.stringMatching(/^k-[0-9a-f]{12}$/)]);
    expect(Buffer.from(keys[0].key).equals(Buffer.from(keys[1].key))).toBe(true);
    expect(parsePreviousPayloadKeys(undefined)).toEqual([]);
    expect(() => parsePreviousPayloadKeys('a:abc')).toThrow(/entry 1: must be 32 bytes/);
  });
});
