import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../store/embedded';

/** Starts support/limited-connector-server.cjs in its own process and reads its counts back. */
export interface ConnectorReport {
  accepted: number;
  throttled: number;
  injected: number;
  firstAt: number;
  lastAt: number;
  perConversation: Map<string, number>;
  /** Per tenant: the most sends the connector saw in any one second (sliding), and its send span. */
  tenants: Map<string, { peak: number; accepted: number; firstAt: number; lastAt: number; seconds: number[] }>;
}

export class LimitedConnector {
  url = '';
  private child?: ChildProcess;

  constructor(private readonly injectRate = 0.01) {}

  async start(): Promise<this> {
    this.child = fork(path.join(projectRoot(), 'support', 'limited-connector-server.cjs'), [], { env: { ...process.env, INJECT_RATE: String(this.injectRate) } });
    const port = await new Promise<number>((resolve) => this.child!.once('message', (m: { port: number }) => resolve(m.port)));
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  report(): Promise<ConnectorReport> {
    return new Promise((resolve) => {
      this.child!.once('message', (m: { report: Omit<ConnectorReport, 'perConversation' | 'tenants'> & { perConversation: [string, number][]; tenants: [string, ConnectorReport['tenants'] extends Map<string, infer V> ? V : never][] } }) =>
        resolve({ ...m.report, perConversation: new Map(m.report.perConversation), tenants: new Map(m.report.tenants) }),
      );
      this.child!.send('report');
    });
  }

  /** Sends accepted so far: a cheap question to ask often (report() carries every conversation). */
  accepted(): Promise<number> {
    return new Promise((resolve) => {
      const answer = (m: { accepted?: number }) => {
        if (typeof m.accepted !== 'number') return;
        this.child!.off('message', answer);
        resolve(m.accepted);
      };
      this.child!.on('message', answer);
      this.child!.send('accepted');
    });
  }

  async stop(): Promise<void> {
    this.child?.kill();
  }
}
