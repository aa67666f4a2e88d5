/** A positive integer from the address, or undefined (the server would refuse it anyway). */
export function idFromPath(value: string | undefined): number | undefined {
  return value && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : undefined;
}
