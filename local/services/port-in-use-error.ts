/** A local service could not listen because its port is taken. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  constructor(
    readonly port: number,
    readonly serviceLabel: string,
    readonly environmentVariable: string,
  ) {
    super(`port ${port} (${serviceLabel}) is in use; set ${environmentVariable}`);
  }
}
