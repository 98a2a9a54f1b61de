type Deliver = (functionName: string, event: unknown) => void;

interface Delivery {
  functionName: string;
  event: unknown;
}

/**
 * Test-only control of S3 event notifications: every delivery is remembered (so a test can deliver
 * one again, as S3 may), and while holding, events wait to be released in any order and any number
 * of times (S3 delivers at least once, in no guaranteed order).
 */
export class S3EventFaults {
  readonly delivered: Delivery[] = [];
  private readonly held: Delivery[] = [];
  private holding = false;
  private deliver: Deliver = () => {};

  /** Wraps the cloud's delivery (Lambda's asynchronous invoke with retries). */
  wrap(deliver: Deliver): Deliver {
    this.deliver = deliver;
    return (functionName, event) => {
      if (this.holding) {
        this.held.push({ functionName, event });
        return;
      }
      this.delivered.push({ functionName, event });
      deliver(functionName, event);
    };
  }

  /** Holds every event from now on until `release`. */
  hold(): void {
    this.holding = true;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Stops holding and delivers what was held: newest first when `reverse`, each `copies` times. */
  release(options: { reverse?: boolean; copies?: number } = {}): number {
    this.holding = false;
    const batch = this.held.splice(0);
    if (options.reverse) batch.reverse();
    for (let copy = 0; copy < (options.copies ?? 1); copy++) {
      for (const delivery of batch) this.redeliver(delivery);
    }
    return batch.length * (options.copies ?? 1);
  }

  /** Delivers an event again, as S3's at-least-once delivery may. */
  redeliver(delivery: Delivery): void {
    this.delivered.push(delivery);
    this.deliver(delivery.functionName, delivery.event);
  }
}
