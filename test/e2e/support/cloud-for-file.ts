import { afterAll, beforeAll } from 'vitest';
import { TestCloud } from './test-cloud.js';

/**
 * One local cloud for the tests of a file: started before them (beforeAll), stopped after them
 * (afterAll). What it returns stands for that cloud: each property is read from the started cloud
 * when a test uses it, so it can be declared at the top of the file like any other constant.
 */
export const cloudForFile = (options: Parameters<typeof TestCloud.start>[0] = {}): TestCloud => {
  let started: TestCloud | undefined;
  beforeAll(async () => {
    started = await TestCloud.start(options);
  });
  afterAll(async () => {
    await started?.stop();
  });
  return new Proxy({} as TestCloud, {
    get: (_, property) => {
      if (!started) throw new Error('the test cloud starts in beforeAll: use it inside a test or hook');
      const value: unknown = Reflect.get(started, property, started);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
};
