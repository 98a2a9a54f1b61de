import { SESClient, SESServiceException, SendEmailCommand } from '@aws-sdk/client-ses';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { SesMailer } from '../../functions/adapters/ses-mailer.js';
import { TransientDependencyError } from '../../functions/core/errors.js';
import { sesMessageRejected, sesThrottling } from '../handlers/support/sdk-errors.js';

const ses = mockClient(SESClient);
const client = new SESClient({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
});
const message = { to: ['ada@student.example'], subject: 'Hello', html: '<p>Hi</p>', text: 'Hi' };

beforeEach(() => {
  ses.reset();
});

describe('SesMailer', () => {
  it('sends HTML and text in UTF-8 from the sender, with reply-to and configuration set when configured', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });
    const mailer = new SesMailer(client, {
      senderEmail: 'onboarding@school.example',
      replyToEmail: 'help@school.example',
      configurationSet: 'onboarding',
    });

    await mailer.send({ ...message, cc: ['coordinator@school.example'] });

    expect(ses.commandCalls(SendEmailCommand)[0]?.args[0].input).toEqual({
      Source: 'onboarding@school.example',
      ReplyToAddresses: ['help@school.example'],
      ConfigurationSetName: 'onboarding',
      Destination: { ToAddresses: ['ada@student.example'], CcAddresses: ['coordinator@school.example'] },
      Message: {
        Subject: { Data: 'Hello', Charset: 'UTF-8' },
        Body: { Html: { Data: '<p>Hi</p>', Charset: 'UTF-8' }, Text: { Data: 'Hi', Charset: 'UTF-8' } },
      },
    });
  });

  it('leaves out reply-to, configuration set and an empty cc when there are none', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

    await new SesMailer(client, { senderEmail: 'onboarding@school.example' }).send({ ...message, cc: [] });

    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).not.toHaveProperty('ReplyToAddresses');
    expect(input).not.toHaveProperty('ConfigurationSetName');
    expect(input?.Destination).toEqual({ ToAddresses: ['ada@student.example'] });
  });

  it.each([
    ['Throttling', sesThrottling()],
    [
      'a server fault',
      new SESServiceException({
        name: 'InternalFailure',
        $fault: 'server',
        $metadata: {},
        message: 'Internal',
      }),
    ],
    [
      'a rate message',
      new SESServiceException({
        name: 'LimitExceeded',
        $fault: 'client',
        $metadata: {},
        message: 'Daily message quota exceeded; rate exceeded',
      }),
    ],
  ])('turns %s into TransientDependencyError, keeping the cause', async (_name, error) => {
    ses.on(SendEmailCommand).rejects(error);

    const failure = await new SesMailer(client, { senderEmail: 's@x.example' })
      .send(message)
      .catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(TransientDependencyError);
    expect((failure as Error).name).toBe('TransientDependencyError');
    expect((failure as Error).cause).toBe(error);
  });

  it('rethrows a rejected message unchanged: retrying would not help', async () => {
    const rejected = sesMessageRejected();
    ses.on(SendEmailCommand).rejects(rejected);

    await expect(new SesMailer(client, { senderEmail: 's@x.example' }).send(message)).rejects.toBe(rejected);
  });
});
