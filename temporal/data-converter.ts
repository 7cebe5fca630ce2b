// The one data converter of the platform: the API's client, the seeds and
// every worker must use the same one, or a workflow started by one cannot be
// read by another. Codecs run outside the workflow sandbox (in the worker's
// main thread and in clients), so the workflow bundle is the same with or
// without them.
import type { DataConverter } from '@temporalio/common';
import { AesGcmPayloadCodec } from './payload-codec';
import { parsePayloadKey, parsePreviousPayloadKeys, type PayloadKeyring } from './payload-key';

export interface PayloadKeyConfig {
  /** 32 bytes, hex or base64 (config.temporal.payloadKey; always set after loadConfig). */
  payloadKey: string;
  /** config.temporal.payloadKeyId (always set after loadConfig). */
  payloadKeyId: string;
  /** `<id>:<key>,…` (config.temporal.payloadPreviousKeys). */
  payloadPreviousKeys?: string;
}

/** The keyring described by the temporal section of the configuration. */
export function payloadKeyringFromConfig(config: PayloadKeyConfig): PayloadKeyring {
  return {
    current: { id: config.payloadKeyId, key: parsePayloadKey(config.payloadKey) },
    previous: parsePreviousPayloadKeys(config.payloadPreviousKeys),
  };
}

/** `dataConverter` for `new Client(...)` and `Worker.create(...)`: every payload encrypted with the keyring. */
export function createDataConverter(keyring: PayloadKeyring): DataConverter {
  return { payloadCodecs: [AesGcmPayloadCodec.create(keyring)] };
}
