// Temporal clients of the platform, always with the platform's data converter.
import { Client, Connection } from '@temporalio/client';
import { createDataConverter } from './data-converter';
import type { PayloadKeyring } from './payload-key';

export interface TemporalClientOptions {
  /** Frontend `host:port`. */
  address: string;
  /** Default "default". */
  namespace?: string;
  /** Keys of the payload codec (see payloadKeyringFromConfig). */
  payloadKeys: PayloadKeyring;
}

/**
 * Connects (eagerly: a wrong address fails here, not at the first request)
 * and returns a client whose payloads are encrypted. Close it with
 * `client.connection.close()`.
 */
export async function createTemporalClient(options: TemporalClientOptions): Promise<Client> {
  const connection = await Connection.connect({ address: options.address });
  return new Client({
    connection,
    namespace: options.namespace ?? 'default',
    dataConverter: createDataConverter(options.payloadKeys),
  });
}
