import { Stack } from 'aws-cdk-lib';
import { ConfigurationSet, ConfigurationSetTlsPolicy, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface MailSendingProps {
  /** The address every email is sent from; its domain and the address are the SES identities granted. */
  readonly senderEmail: string;
  /** Where replies go; undefined: to the sender. */
  readonly replyToEmail: string | undefined;
}

/**
 * How the functions send email through SES: a configuration set (reputation metrics, TLS required)
 * and the ARNs of the sender identity. The identity itself (the domain, or the address) is verified
 * outside this app, once per account and region.
 */
export class MailSending extends Construct {
  readonly senderEmail: string;
  readonly replyToEmail: string | undefined;
  readonly configurationSet: ConfigurationSet;
  /** The sender's SES identities: its domain and the address itself (whichever is the verified one). */
  readonly identityArns: string[];
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: MailSendingProps) {
    super(scope, id);
    this.senderEmail = props.senderEmail;
    this.replyToEmail = props.replyToEmail;

    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    const stack = Stack.of(this);
    const domain = props.senderEmail.slice(props.senderEmail.lastIndexOf('@') + 1);
    this.identityArns = [domain, props.senderEmail].map((identity) =>
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: identity }),
    );
    this.configurationSetArn = stack.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: this.configurationSet.configurationSetName,
    });
  }
}
