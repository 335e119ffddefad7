import PgBoss from 'pg-boss';

/** pg-boss keeps its tables in their own schema, beside the store's. */
export const QUEUE_SCHEMA = 'parallax_queue';
/** One job = one article to read, analyse, cluster and store. */
export const ARTICLE_QUEUE = 'parallax-article';
/** Jobs that failed for good (retries exhausted or bad input) are copied here by pg-boss. */
export const DEAD_LETTER_QUEUE = 'parallax-dead-letter';

export interface QueuePolicy {
  /** Attempts after the first before a job is failed for good. */
  retryLimit: number;
  /** First retry delay in seconds; doubles (with jitter) on each further retry. */
  retryDelaySeconds: number;
  /**
   * A job active longer than this is presumed lost (its worker died) and retried. Far above
   * the time one article takes, so a slow job is not run twice (harmless, but wasted work).
   */
  expireInSeconds: number;
}

export const QUEUE_DEFAULTS: QueuePolicy = {
  retryLimit: 4,
  retryDelaySeconds: 5,
  expireInSeconds: 120,
};

export interface BossOptions {
  url: string;
  /** How often this process checks for expired jobs (only one process does it per interval). */
  maintenanceIntervalSeconds?: number;
  /** Connections pg-boss may open. */
  poolSize?: number;
}

/** Starts pg-boss (creating or upgrading its schema under pg-boss's own lock). */
export async function startBoss(
  options: BossOptions,
  onError: (err: Error) => void,
): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: options.url,
    schema: QUEUE_SCHEMA,
    max: options.poolSize ?? 4,
    application_name: 'parallax-queue',
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  });
  boss.on('error', onError);
  await boss.start();
  return boss;
}

/** Creates the queues if missing (an existing queue keeps its policy). */
export async function ensureQueues(boss: PgBoss, policy: QueuePolicy = QUEUE_DEFAULTS) {
  await boss.createQueue(DEAD_LETTER_QUEUE, {
    name: DEAD_LETTER_QUEUE,
    retentionMinutes: 60 * 24 * 30,
  });
  await boss.createQueue(ARTICLE_QUEUE, {
    name: ARTICLE_QUEUE,
    retryLimit: policy.retryLimit,
    retryDelay: policy.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: policy.expireInSeconds,
    deadLetter: DEAD_LETTER_QUEUE,
  });
}
