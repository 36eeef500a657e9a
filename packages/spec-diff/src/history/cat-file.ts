import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';

interface Pending {
  resolve: (header: string, body: Buffer | undefined) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file` process answering `<rev>:<path>` requests in order. Spawning
 * `git show` per file costs ~20 ms, and a history reads thousands of files; through the pipe a
 * request costs microseconds.
 */
export class CatFile {
  private readonly process: ChildProcessByStdio<Writable, Readable, Readable>;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;
  private stderr = '';

  constructor(
    root: string,
    private readonly withContents: boolean,
  ) {
    this.process = spawn('git', ['cat-file', withContents ? '--batch' : '--batch-check'], {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.process.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    this.process.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    this.process.on('error', (error) => this.fail(error));
    this.process.on('close', (code) =>
      this.fail(new Error(`git cat-file exited with code ${code}${this.stderr ? `: ${this.stderr.trim()}` : ''}`)),
    );
    this.process.stdin.on('error', (error) => this.fail(error));
  }

  /** The answer's header line (`<oid> <type> <size>` or `<request> missing`) and, for `--batch`, the object. */
  request(object: string): Promise<{ header: string; body: Buffer | undefined }> {
    if (/[\n\r]/.test(object))
      return Promise.reject(new Error(`git cannot look up a path with a line break: ${JSON.stringify(object)}`));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve: (header, body) => resolve({ header, body }), reject });
      this.process.stdin.write(`${object}\n`);
    });
  }

  close(): void {
    this.failure ??= new Error('git cat-file was closed');
    this.process.stdin.end();
  }

  private drain(): void {
    for (;;) {
      const next = this.pending[0];
      const newline = this.buffer.indexOf(10);
      if (!next || newline < 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      const size = /^[0-9a-f]+ \w+ (\d+)$/.exec(header)?.[1];
      if (!this.withContents || size === undefined) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift();
        next.resolve(header, undefined);
        continue;
      }
      const end = newline + 1 + Number(size);
      // The object is followed by a newline.
      if (this.buffer.length < end + 1) return;
      const body = Buffer.from(this.buffer.subarray(newline + 1, end));
      this.buffer = this.buffer.subarray(end + 1);
      this.pending.shift();
      next.resolve(header, body);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }
}
