/** What the sender has done since it started (tests, benchmarks and telemetry read it). */
export interface DeliveryStats {
  sent: number;
  retried: number;
  failed: number;
  unreachable: number;
  /** Messages put back to wait for their conversation's window (never a sleeping sender). */
  deferred: number;
  /** Claims given back because the lease ran short before the send. */
  released: number;
}
