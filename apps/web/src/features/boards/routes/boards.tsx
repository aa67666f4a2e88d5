// Placeholder until this page is built (issue 6 work in progress).
export function Component() {
  return <p>boards</p>;
}
