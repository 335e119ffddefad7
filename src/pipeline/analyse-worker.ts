/** Worker-thread entry: answers each job message with its analysis outcome. */
import { parentPort } from 'node:worker_threads';
import { runAnalyseJob, type AnalyseJob } from './analyse-job.js';

if (!parentPort) throw new Error('analyse-worker.js must run in a worker thread');
const port = parentPort;
port.on('message', (msg: { id: number; job: AnalyseJob }) => {
  void runAnalyseJob(msg.job).then((outcome) => port.postMessage({ id: msg.id, outcome }));
});
