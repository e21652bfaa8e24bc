import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** Starts bench/lib/limited-connector.cjs in its own process and reads its counts back. */
export interface ConnectorReport {
  accepted: number;
  throttled: number;
  injected: number;
  firstAt: number;
  lastAt: number;
  perConversation: Map<string, number>;
}

export class LimitedConnector {
  url = '';
  private child?: ChildProcess;

  constructor(private readonly injectRate = 0.01) {}

  async start(): Promise<this> {
    this.child = fork(path.join(process.cwd(), 'bench', 'lib', 'limited-connector.cjs'), [], { env: { ...process.env, INJECT_RATE: String(this.injectRate) } });
    const port = await new Promise<number>((resolve) => this.child!.once('message', (m: { port: number }) => resolve(m.port)));
    this.url = `http://127.0.0.1:${port}/`;
    return this;
  }

  report(): Promise<ConnectorReport> {
    return new Promise((resolve) => {
      this.child!.once('message', (m: { report: ConnectorReport & { perConversation: [string, number][] } }) =>
        resolve({ ...m.report, perConversation: new Map(m.report.perConversation) }),
      );
      this.child!.send('report');
    });
  }

  async stop(): Promise<void> {
    this.child?.kill();
  }
}
