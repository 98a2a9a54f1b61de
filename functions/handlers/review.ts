export const handler = async (): Promise<never> => {
  throw new Error('not implemented yet');
};
