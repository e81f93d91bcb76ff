/**
 * Preloaded (`node --require`) into every Node process the benchmark starts
 * (bench/process.ts startChild): it stops when the benchmark is gone, however
 * the benchmark ended — SIGKILL included, when nothing could stop it.
 */
import { stopWithParent } from '../../lib/process/stopWithParent';

stopWithParent();
