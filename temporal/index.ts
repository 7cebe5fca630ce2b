// Everything that talks to Temporal on behalf of the platform goes through
// here, so no client or worker can forget the payload encryption.
export { createTemporalClient, type TemporalClientOptions } from './connect';
export { createDataConverter, payloadKeyringFromConfig, type PayloadKeyConfig } from './data-converter';
export { AesGcmPayloadCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, PayloadDecryptionError } from './payload-codec';
export {
  parsePayloadKey,
  parsePreviousPayloadKeys,
  payloadKeyFingerprint,
  PAYLOAD_KEY_BYTES,
  type PayloadKey,
  type PayloadKeyring,
} from './payload-key';
export { connectEngineClock, type EngineClock, type EngineClockOptions, type AdvanceRequest, type ClockState } from './engine-clock';
