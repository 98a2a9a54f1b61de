/** What the CLI reads from and writes to: the process in production, captured buffers in tests. */
import type { SignerCredentials } from './sigv4-signer.js';

export interface TextStream {
  write(text: string): unknown;
  /** True when the stream is a terminal (a progress bar redraws in place only then). */
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  env: Readonly<Record<string, string | undefined>>;
  /** Files and `.local/endpoints.json` are read relative to it. */
  cwd: string;
  /** Replaces the global fetch (tests). */
  fetch?: typeof fetch;
  /** Ends a command that runs until stopped (`events --follow`); Ctrl-C ends the process otherwise. */
  signal?: AbortSignal;
  /** Replaces the standard AWS credential chain (tests). */
  credentials?: SignerCredentials;
}
