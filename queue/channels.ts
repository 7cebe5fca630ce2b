// Outbound channels deliver a notification outside the platform (SMS, WeChat,
// e-mail gateways of a district). The log channel is the default: deployments
// on government intranets often have no gateway at all.
import type { Logger } from 'pino';

export interface OutboundMessage {
  /** The same key on every retry: a gateway that supports it can drop duplicates. */
  idempotencyKey: string;
  recipient: { id: string; displayName: string; phone: string | null };
  kind: string;
  title: string;
  body: string;
  link?: string;
}

export interface OutboundChannel {
  readonly name: string;
  /**
   * Delivers in this process and cannot fail (the log channel): the notices
   * for it are delivered at once where they arise (`immediateNotices`), with no
   * queued job, since there is nothing to retry. A gateway (SMS, WeChat) leaves
   * it unset and gets a BullMQ job per recipient, retried with backoff.
   */
  readonly immediate?: boolean;
  /** Throw to have the job retried; throw PermanentDeliveryError when a retry cannot help. */
  send(message: OutboundMessage): Promise<void>;
}

/** A failure no retry can fix (unknown number, message rejected as invalid). */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentDeliveryError';
  }
}

export function createLogChannel(logger: Logger): OutboundChannel {
  return {
    name: 'log',
    immediate: true,
    async send(message) {
      logger.info(
        { channel: 'log', recipientId: message.recipient.id, kind: message.kind, idempotencyKey: message.idempotencyKey },
        `notify ${message.recipient.displayName}: ${message.title}`,
      );
    },
  };
}
