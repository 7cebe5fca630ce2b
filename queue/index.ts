// Public surface of the queue layer.
export { createQueues, createRedisConnection, type Queues, type QueuesOptions } from './queues';
export { startQueueWorkers, type QueueWorkers, type QueueWorkersOptions } from './workers';
export { createLogChannel, PermanentDeliveryError, type OutboundChannel, type OutboundMessage } from './channels';
export { deliverNotification, immediateNotices, type DeliverNotificationOptions, type NoticeSender } from './deliver-notification';
export { NOTIFICATION_JOB, NOTIFICATIONS_QUEUE, ZNotificationJob, notificationJobId, type TNotificationJob } from './notification-job';
export { createQueueDashboardRouter, QUEUE_DASHBOARD_PATH, type QueueDashboardOptions } from './dashboard';
