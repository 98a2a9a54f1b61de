#!/usr/bin/env node
// The `onboarding` command: loads the TypeScript CLI through tsx (resolved from this package,
// whatever the working directory) and runs it in this process, so stdio, signals and the exit
// code are the CLI's own.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
