/** A CliIo whose output the test can read, and a helper to run the CLI in-process with it. */
import type { CliIo, TextStream } from '../../cli/cli-io.js';
import { runCli } from '../../cli/run-cli.js';

export interface CapturedStream extends TextStream {
  text: string;
}

const capture = (isTTY = false): CapturedStream => {
  const stream: CapturedStream = {
    text: '',
    isTTY,
    write(text: string) {
      stream.text += text;
      return true;
    },
  };
  return stream;
};

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(args: string[], overrides: Partial<CliIo> = {}): Promise<CliRun> {
  const stdout = capture();
  const stderr = capture();
  const exitCode = await runCli(args, { stdout, stderr, env: {}, cwd: process.cwd(), ...overrides });
  return { exitCode, stdout: stdout.text, stderr: stderr.text };
}
